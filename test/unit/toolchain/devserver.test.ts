/**
 * The dev server (`npm start`, `npm run dev-server`) listens on this machine only unless asked
 * (GOV_HOST, which `npm start -- --host` sets): webpack.config.js's devServer block, and a real
 * webpack-dev-server started with that block, probed on loopback and on this machine's
 * non-loopback addresses.
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..", "..");

interface DevServerOptions {
  host?: string;
  port?: number;
  [key: string]: unknown;
}

async function devServerConfig(env: Record<string, string | undefined>): Promise<DevServerOptions> {
  const saved = { ...process.env };
  try {
    // self-signed: the config must not look for (or install) office-addin-dev-certs' certificate
    Object.assign(process.env, { GOV_TLS: "self-signed" });
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    jest.resetModules();
     
    const make = require(path.join(ROOT, "webpack.config.js"));
    const config = await make({ WEBPACK_SERVE: true }, { mode: "production" });
    return config.devServer;
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** true when a TCP connection to host:port is accepted */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const nonLoopback = Object.values(os.networkInterfaces())
  .flat()
  .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && a.family === "IPv4")
  .map((a) => a.address);

describe("webpack.config.js devServer", () => {
  test("binds to localhost when nothing asks otherwise", async () => {
    expect((await devServerConfig({ GOV_HOST: undefined })).host).toBe("localhost");
    expect((await devServerConfig({ GOV_HOST: "  " })).host).toBe("localhost");
  });

  test("GOV_HOST chooses the address", async () => {
    expect((await devServerConfig({ GOV_HOST: "0.0.0.0" })).host).toBe("0.0.0.0");
    expect((await devServerConfig({ GOV_HOST: "127.0.0.1" })).host).toBe("127.0.0.1");
  });
});

describe("a real webpack-dev-server with that config", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gov-devserver-"));
    fs.writeFileSync(path.join(tmp, "entry.js"), "document.title = 'gov';\n");
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function serve(env: Record<string, string | undefined>) {
     
    const webpack = require("webpack");
    const WebpackDevServer = require("webpack-dev-server");
     
    const options = await devServerConfig(env);
    const port = await freePort();
    const compiler = webpack({
      mode: "development",
      context: tmp,
      entry: "./entry.js",
      output: { path: path.join(tmp, "out") },
      infrastructureLogging: { level: "error" },
    });
    const server = new WebpackDevServer({ ...options, port }, compiler);
    await server.start();
    return { server, port };
  }

  test("by default it listens on loopback only: no non-loopback address of this machine answers", async () => {
    const { server, port } = await serve({ GOV_HOST: undefined });
    try {
      const address = server.server.address() as net.AddressInfo;
      expect(["127.0.0.1", "::1"]).toContain(address.address);
      expect(await reachable("localhost", port)).toBe(true);
      for (const ip of nonLoopback) expect({ ip, reachable: await reachable(ip, port) }).toEqual({ ip, reachable: false });
    } finally {
      await server.stop();
    }
  }, 60_000);

  test("GOV_HOST=0.0.0.0 opens it to the network (the probe above can see a listening port)", async () => {
    const { server, port } = await serve({ GOV_HOST: "0.0.0.0" });
    try {
      expect((server.server.address() as net.AddressInfo).address).toBe("0.0.0.0");
      for (const ip of nonLoopback) expect({ ip, reachable: await reachable(ip, port) }).toEqual({ ip, reachable: true });
    } finally {
      await server.stop();
    }
  }, 60_000);
});
