/**
 * The picture of test/fixtures/pictures/ (a river map drawn in a few flat
 * colours), for the README's picture of a slide with a picture:
 *
 *   node --import tsx scripts/map-picture.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const W = 120;
const H = 72;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'pictures', 'mekong.png');

type Rgb = [number, number, number];
const SEA: Rgb = [28, 84, 150];
const LAND: Rgb = [86, 148, 74];
const HILLS: Rgb = [150, 160, 92];
const WATER: Rgb = [86, 160, 220];
const CITY: Rgb = [210, 40, 40];

/** The river's middle at a row: from the hills in the north to the delta in the south-east. */
const river = (y: number) => 34 + y * 0.55 + 7 * Math.sin(y / 7);
/** The coast: sea east of it, and along the south. */
const coast = (y: number) => 100 - 0.25 * y + 4 * Math.sin(y / 5);
const CITIES: [number, number][] = [[39, 14], [60, 40], [74, 58]];

function colour(x: number, y: number): Rgb {
  if (x > coast(y) || y > 66 + 3 * Math.sin(x / 6)) return SEA;
  if (CITIES.some(([cx, cy]) => Math.abs(x - cx) <= 1 && Math.abs(y - cy) <= 1)) return CITY;
  // The great lake, west of the river.
  if (((x - 44) / 9) ** 2 + ((y - 36) / 5) ** 2 <= 1) return WATER;
  if (Math.abs(x - river(y)) <= 1.3) return WATER;
  if (x + y * 0.8 < 40 || (x < 18 && y < 50)) return HILLS;
  return LAND;
}

const png = new PNG({ width: W, height: H });
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) png.data.set([...colour(x, y), 255], (y * W + x) * 4);
}
writeFileSync(OUT, PNG.sync.write(png));
console.log(`${OUT}: ${W}x${H}`);
