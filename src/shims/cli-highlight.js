// marked-terminal's highlighter, never called: src/render/markdown.ts renders
// fenced code itself, loading highlight.js languages on demand (src/render/
// syntax.ts). The real cli-highlight loads all ~190 languages and an HTML
// parser at start-up, so the bundle keeps this stand-in instead.
export function highlight(code) {
  return code;
}
