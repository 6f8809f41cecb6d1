export interface Replacement {
  /** Text that must occur exactly once in the file. */
  from: string;
  to: string;
}

export interface Patch {
  /** The package's name, as in node_modules. */
  package: string;
  /** Replacements by file, relative to the package's folder. */
  files: Record<string, Replacement[]>;
}

export declare const patches: Patch[];

export declare function applyReplacements(
  source: string,
  replacements: Replacement[],
): { text: string; problems: string[] } | { text: undefined; problems: string[] };
