/**
 * yoga-layout 3.2.1 (Ink's layout engine; pinned by `overrides` in
 * package.json): dist/src/index.js and its Emscripten loader,
 * dist/binaries/yoga-wasm-base64-esm.js.
 *
 * What: yoga is instantiated synchronously. Its entry module waits for its
 * WebAssembly with a top-level await; instead, it gives the loader an
 * `instantiateWasm` hook that compiles and instantiates the module at once.
 * The loader calls that hook with the imports and the callback only, so it is
 * also made to pass its own function that decodes the binary from the base64
 * data: URL it carries.
 *
 * Why: the program is one CommonJS script, so that its compiled code can be
 * kept between runs (src/launch.ts), and a CommonJS script cannot hold a
 * top-level await: without this the build fails. Keeping the program a
 * CommonJS script with the code cache took the first slide from 136 to 105 ms
 * (2.46x to 1.90x bare node; README, "Performance"). Decoding the binary
 * directly also keeps node's HTTP client out: left to itself the loader
 * would `fetch` its data: URL, which first loads undici (-18 ms and -3.5 MB,
 * measured when Ink was still loaded at start-up).
 *
 * Unnecessary when: none known. The top-level await would go if Ink
 * imported `yoga-layout/load`, the entry point without one (yoga 3.0.3,
 * https://github.com/react/yoga/releases/tag/v3.0.3; asked for in
 * https://github.com/react/yoga/issues/1637), and loaded yoga before its
 * first render; Ink 6.8.0 imports `yoga-layout` (a request to change that:
 * https://github.com/vadimdemedes/ink/issues/787). Even then the loader
 * would get its binary through `fetch`, asynchronously, so this patch goes
 * only when yoga also offers a synchronous entry point, or Ink accepts a
 * yoga instance made by its user.
 */
export default {
  package: 'yoga-layout',
  files: {
    // The loader hands the hook its binary decoder (`wa`) as a third argument.
    'dist/binaries/yoga-wasm-base64-esm.js': [
      { from: 'return h.instantiateWasm(d,\na)', to: 'return h.instantiateWasm(d,a,wa)' },
    ],
    'dist/src/index.js': [
      {
        from: 'const Yoga = wrapAssembly(await loadYoga());',
        to: [
          '// Instantiated synchronously (scripts/patches/yoga.mjs): the loader fills',
          '// in the module object it is given before it returns.',
          'const yogaModule = {',
          '  instantiateWasm(imports, receive, binary) {',
          '    receive(new WebAssembly.Instance(new WebAssembly.Module(binary()), imports));',
          '    return {};',
          '  },',
          '};',
          'loadYoga(yogaModule);',
          "if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');",
          'const Yoga = wrapAssembly(yogaModule);',
        ].join('\n'),
      },
    ],
  },
};
