/**
 * Webpack plugin: writes dist/functions.zh-CN.json, the zh-CN custom-functions metadata, from the
 * functions.json the metadata plugin generates (English, from the JSDoc) and the one table of
 * Chinese names and descriptions, src/functions/names.zh-CN.ts. Ids, parameter order, types,
 * optional flags, dimensionality and options stay exactly as functions.json has them; only the
 * `name` and `description` of each function and parameter are replaced (office-js-docs-pr,
 * docs/excel/custom-functions-naming.md, "Localize custom functions"). The manifest points Excel in
 * zh-CN at this file with <bt:Override Locale="zh-CN"> on the functions metadata URL.
 *
 * A table that does not match the metadata (an id missing or extra, a parameter count that
 * differs) fails the build instead of shipping a half-translated file.
 */
"use strict";
const path = require("path");

const SOURCE = "functions.json";
const OUTPUT = "functions.zh-CN.json";
const TABLE = path.resolve(__dirname, "..", "src", "functions", "names.zh-CN.ts");

/** The zh-CN metadata object for `metadata` (parsed functions.json); throws on any mismatch. */
function localizeMetadata(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`${id}: in the zh-CN table but not in ${SOURCE}`);
  const functions = metadata.functions.map((f) => {
    const zh = table[f.id];
    if (!zh) {
      problems.push(`${f.id}: no zh-CN entry`);
      return f;
    }
    const params = f.parameters ?? [];
    if (zh.parameters.length !== params.length) {
      problems.push(`${f.id}: ${params.length} parameters in ${SOURCE}, ${zh.parameters.length} in the zh-CN table`);
    }
    return {
      ...f,
      name: zh.name,
      description: zh.description,
      parameters: params.map((p, i) => ({ ...p, name: zh.parameters[i]?.name ?? p.name, description: zh.parameters[i]?.description ?? p.description })),
    };
  });
  if (problems.length > 0) throw new Error(`zh-CN functions metadata does not match ${SOURCE}:\n  ${problems.join("\n  ")}`);
  return { ...metadata, functions };
}

/** Loads the TypeScript table (ts-node, transpile only, then switched off again), fresh on every build. */
function loadTable() {
  const service = require("ts-node").register({
    project: path.resolve(__dirname, "..", "tsconfig.json"),
    transpileOnly: true,
    compilerOptions: { module: "commonjs" },
  });
  try {
    const src = path.resolve(__dirname, "..", "src") + path.sep;
    for (const key of Object.keys(require.cache)) if (key.startsWith(src)) delete require.cache[key];
    return require(TABLE).ZH_CN;
  } finally {
    service.enabled(false);
  }
}

class FunctionsLocalePlugin {
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsLocalePlugin", (compilation) => {
      compilation.fileDependencies.add(TABLE);
      compilation.hooks.processAssets.tap(
        { name: "FunctionsLocalePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(SOURCE);
          if (!asset) {
            compilation.errors.push(new WebpackError(`FunctionsLocalePlugin: ${SOURCE} was not generated`));
            return;
          }
          try {
            const metadata = JSON.parse(asset.source.source().toString());
            const zh = localizeMetadata(metadata, loadTable());
            compilation.emitAsset(OUTPUT, new sources.RawSource(`${JSON.stringify(zh, null, 4)}\n`));
          } catch (e) {
            compilation.errors.push(new WebpackError(`FunctionsLocalePlugin: ${e.message}`));
          }
        },
      );
    });
  }
}

module.exports = { FunctionsLocalePlugin, localizeMetadata, OUTPUT };
