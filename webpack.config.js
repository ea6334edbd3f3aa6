/**
 * Builds the add-in into dist/:
 *   functions.js + functions.json  custom functions (JSDoc → metadata by the plugin), tiny: no React,
 *                                   no ExcelJS — Excel loads it at start-up for every workbook.
 *   taskpane.js (+ async chunks)   the React pane; ExcelJS, the validator (core/validate) and zod are
 *                                  import()ed lazily into their own chunks, so the rules core is not
 *                                  in the first load twice (functions.js has its own copy).
 *   taskpane.html                  shared runtime page: office.js, then functions.js, then taskpane.js.
 *   taskpane-compat.html           the pane for Excel 2016/2019 (manifest-compat.xml): no functions.js,
 *                                  whose CustomFunctions.associate does not exist there.
 *   functions.html                 fallback page for a non-shared custom-functions runtime.
 *   office-loader.js, office-fallback.js
 *                                  office.js from Microsoft's CDN, else our own copy (src/taskpane/office-loader.js).
 *   office.js & co                 our own copy, for networks that cannot reach the CDN (toolchain.md 6).
 *   manifest.xml, manifest-compat.xml
 *                                  made from the root manifest.xml with every URL on GOV_BASE_URL
 *                                  (default https://localhost:3000/); see scripts/manifests.js.
 *   support.html                   the manifest's SupportUrl.
 *
 * Environment: GOV_BASE_URL (the HTTPS folder serving dist/), GOV_OFFICE_JS=local (pages load only
 * our own office.js and never name the CDN: air-gapped networks), GOV_OUTPUT_DIR (build elsewhere
 * than dist/, e.g. the tests' scratch builds).
 *
 * Production is the default mode. `devtool: "source-map"` everywhere: eval-based source maps would
 * be blocked by the pane's Content-Security-Policy (script-src 'self') and are banned in bundles.
 * HTTPS certificates are only looked up when serving (`webpack serve`), so a plain build needs none.
 */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { FunctionsLocalePlugin } = require("./scripts/functions-locale");
const { ManifestPlugin, resolveBaseUrl, COMPAT_PAGE } = require("./scripts/manifests");

const PORT = 3000;
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * Marks the ExcelJS chunk as already minimized so webpack's minimizer skips it: it is ExcelJS's
 * own minified browser build, and minifying it again took most of a production build for nothing.
 */
class SkipMinifyingPrebuilt {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("SkipMinifyingPrebuilt", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "SkipMinifyingPrebuilt", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (/^exceljs\.[0-9a-f]+\.js$/.test(name)) compilation.updateAsset(name, (s) => s, { minimized: true });
          }
        },
      );
    });
  }
}

/**
 * The files office.js fetches from its own folder at run time: the app-to-file mapping table
 * (without it Office.onReady never resolves), the Excel host scripts for every platform, the
 * locale strings (one folder per UI language, office.js picks by the host's display language)
 * and the telemetry shim it always loads. Debug builds, Outlook/Word/... and vsdoc are left out.
 */
const OFFICE_RUNTIME_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "excelios-*.js",
  "*/office_strings.js",
  "telemetry/oteljs*.js",
];

/** Microsoft's office.js CDN, and the host older Windows host files fetch MicrosoftAjax.js from. */
const OFFICE_CDN_SOURCES = ["https://appsforoffice.microsoft.com", "https://ajax.aspnetcdn.com"];

/**
 * How the pages load office.js (GOV_OFFICE_JS): "cdn" (default) — Microsoft's CDN, falling back to
 * our own copy (src/taskpane/office-loader.js); "local" — our own copy only, no CDN in the CSP.
 */
function officeJsLoading(raw) {
  const mode = (raw || "cdn").trim().toLowerCase();
  if (mode === "local") return { mode, script: "office.js", scriptSrc: "'self'" };
  if (mode === "cdn") return { mode, script: "office-loader.js", scriptSrc: ["'self'", ...OFFICE_CDN_SOURCES].join(" ") };
  throw new Error(`GOV_OFFICE_JS must be "cdn" (default: Microsoft's CDN, else the bundled copy) or "local" (bundled copy only), got "${raw}"`);
}

/** HTTPS options for `webpack serve`; see scripts/start.js, which decides GOV_TLS beforehand. */
async function httpsServer() {
  const mode = process.env.GOV_TLS;
  if (mode === "self-signed") {
    // webpack-dev-server generates its own self-signed certificate: the browser warns once.
    return "https";
  }
  const certs = require("office-addin-dev-certs");
  if (mode === "devcerts") {
    // start.js has already generated (and, where it could, trusted) the dev certificates:
    // read them without calling the installer again (it runs sudo).
    const d = require("office-addin-dev-certs/lib/defaults");
    return {
      type: "https",
      options: {
        ca: fs.readFileSync(d.caCertificatePath),
        cert: fs.readFileSync(d.localhostCertificatePath),
        key: fs.readFileSync(d.localhostKeyPath),
      },
    };
  }
  try {
    return { type: "https", options: await certs.getHttpsServerOptions() };
  } catch (e) {
    process.stderr.write(
      `office-addin-dev-certs failed (${e && e.message}); serving with a self-signed certificate instead.\n`,
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // refuse a bad GOV_BASE_URL / GOV_OFFICE_JS before building anything
  const baseUrl = resolveBaseUrl(process.env.GOV_BASE_URL);
  const officeJs = officeJsLoading(process.env.GOV_OFFICE_JS);
  const outputPath = process.env.GOV_OUTPUT_DIR ? path.resolve(process.env.GOV_OUTPUT_DIR) : path.resolve(__dirname, "dist");

  return {
    mode,
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      // the standalone pane's Web Worker (reads and validates an opened file off the page's thread);
      // loaded by the page only when a file is opened, never put in a page's <script> tags
      "check-worker": "./src/taskpane/check.worker.ts",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // rewrite every asset on each build so dist/ mtimes tell test/support/build.ts it is fresh
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      // ExcelJS's browser build (its package.json "browser" field) is one prebuilt, minified UMD
      // file: parsing it for imports would only cost build time.
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext" } } },
        },
      ],
    },
    optimization: {
      // Only async chunks are split (the default): functions.js and taskpane.js stay self-contained,
      // so Excel can load functions.js alone (manifest <Script>) and the pane page can load both.
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
            priority: 20,
          },
          // zod, shared by the lazily loaded validator and the file reader's chunks; never in taskpane.js
          zod: {
            test: /[\\/]node_modules[\\/]zod[\\/]/,
            name: "zod",
            chunks: "async",
            enforce: true,
            priority: 10,
          },
        },
      },
    },
    performance: {
      // ExcelJS alone is ~1 MB minified; it is loaded on demand, so only the entries are budgeted.
      assetFilter: (file) => /^(functions|taskpane)\.js$/.test(file),
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
    },
    plugins: [
      new SkipMinifyingPrebuilt(),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // dist/functions.zh-CN.json: Chinese names and descriptions (src/functions/names.zh-CN.ts)
      new FunctionsLocalePlugin(),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this page is also the custom-functions page, so functions.js runs first.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: COMPAT_PAGE,
        template: "./src/taskpane/taskpane.html",
        // Excel 2016/2019 (manifest-compat.xml): no custom functions there, so no functions.js
        chunks: ["taskpane"],
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: "./src/taskpane/support.html",
        inject: false,
        version: require("./package.json").version,
      }),
      new ManifestPlugin({ source: path.resolve(__dirname, "manifest.xml"), base: baseUrl }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.*"] } },
          ...(officeJs.mode === "cdn"
            ? ["office-loader.js", "office-fallback.js"].map((f) => ({ from: `src/taskpane/${f}`, to: f }))
            : []),
          ...OFFICE_RUNTIME_FILES.map((from) => ({
            from,
            context: OFFICE_DIST,
            to: "[path][name][ext]",
            globOptions: { ignore: ["**/*.debug.js"] },
            // already minified by Microsoft; Terser must leave them untouched
            info: { minimized: true },
          })),
        ],
      }),
    ],
    devServer: serving
      ? {
          // this machine only unless asked: GOV_HOST=0.0.0.0 (`npm start -- --host 0.0.0.0` sets it), or
          // `npm run dev-server -- --host 0.0.0.0` (the CLI flag overrides this)
          host: (process.env.GOV_HOST || "").trim() || "localhost",
          port: PORT,
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          hot: false,
          // `npm start` serves production bundles exactly as built (no injected reload client);
          // `npm run dev-server` (development) reloads the page on change.
          liveReload: mode !== "production",
          client: mode === "production" ? false : { overlay: false },
        }
      : undefined,
  };
};
