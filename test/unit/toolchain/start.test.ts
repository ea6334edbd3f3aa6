/**
 * scripts/start.js: which address it serves on, whether it calls the development CA trusted (it
 * checks, it does not assume), and what it tells the user to do in the browser and in Excel when
 * the CA is not trusted; README.md says the same.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..", "..");
 
const start = require(path.join(ROOT, "scripts", "start.js"));
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

interface Tls {
  mode: "devcerts" | "self-signed";
  trusted: boolean;
  installTried: boolean;
  caPath: string | null;
}
const CA = "/home/clerk/.office-addin-dev-certs/ca.crt";
const advice = (tls: Partial<Tls>, platform: string): string =>
  start.certificateAdvice({ mode: "devcerts", trusted: false, installTried: true, caPath: CA, ...tls }, platform).join("\n");

describe("npm start's address", () => {
  test("localhost unless asked", () => {
    expect(start.parseOptions([], {})).toEqual({ web: false, host: "localhost" });
  });

  test.each([
    [["--host", "0.0.0.0"], {}, "0.0.0.0"],
    [["--host=::"], {}, "::"],
    [[], { GOV_HOST: "192.168.1.20" }, "192.168.1.20"],
    [["--host", "127.0.0.1"], { GOV_HOST: "0.0.0.0" }, "127.0.0.1"],
    [[], { GOV_HOST: " " }, "localhost"],
  ])("%j with %j → %s", (argv, env, host) => {
    expect(start.parseOptions(argv, env).host).toBe(host);
  });

  test("--web, GOV_SIDELOAD=0 and CI only serve", () => {
    expect(start.parseOptions(["--web"], {}).web).toBe(true);
    expect(start.parseOptions([], { GOV_SIDELOAD: "0" }).web).toBe(true);
    expect(start.parseOptions([], { CI: "true" }).web).toBe(true);
  });

  test("a bad command line is refused, not ignored", () => {
    expect(() => start.parseOptions(["--host"], {})).toThrow(/--host needs an address/);
    expect(() => start.parseOptions(["--hots", "0.0.0.0"], {})).toThrow(/unknown option --hots/);
  });

  test("it says whether other computers can reach it", () => {
    expect(start.listeningAdvice("localhost").join("\n")).toMatch(/仅本机可访问[\s\S]*this machine only/);
    expect(start.listeningAdvice("0.0.0.0").join("\n")).toMatch(/其他计算机也能访问[\s\S]*other computers/);
    expect(start.originFor("0.0.0.0")).toBe("https://localhost:3000");
    expect(start.originFor("192.168.1.20")).toBe("https://192.168.1.20:3000");
  });
});

describe("is the development CA trusted? checked, not assumed", () => {
  function fakeCerts(over: Partial<Record<string, unknown>> = {}) {
    const calls: string[] = [];
    let files = false;
    const dc = {
      caPath: CA,
      haveFiles: () => files,
      install: async () => {
        calls.push("install");
        files = true;
      },
      generate: async () => {
        calls.push("generate");
        files = true;
      },
      caTrusted: () => true as boolean | null,
      ...over,
    };
    return { dc, calls };
  }

  test("an install that reports success but leaves the CA out of the store is not trusted", async () => {
    // office-addin-dev-certs' Linux installer does nothing without update-ca-certificates, yet resolves
    const { dc } = fakeCerts({ caTrusted: () => false });
    expect(await start.ensureCertificate({ dc, canInstall: true, log: () => {} })).toEqual({
      mode: "devcerts",
      trusted: false,
      installTried: true,
      caPath: CA,
    });
  });

  test("a verified install is trusted", async () => {
    const { dc, calls } = fakeCerts();
    expect(await start.ensureCertificate({ dc, canInstall: true, log: () => {} })).toMatchObject({ trusted: true, installTried: true });
    expect(calls).toEqual(["install"]);
  });

  test("without password-less sudo it only generates the certificate, and says it did not try", async () => {
    const { dc, calls } = fakeCerts({ caTrusted: () => false });
    expect(await start.ensureCertificate({ dc, canInstall: false, log: () => {} })).toMatchObject({ mode: "devcerts", trusted: false, installTried: false });
    expect(calls).toEqual(["generate"]);
  });

  test("a failed install still serves with the generated certificate, untrusted", async () => {
    const logged: string[] = [];
    const { dc } = fakeCerts({
      install: async () => {
        throw new Error("sudo: a password is required");
      },
      caTrusted: () => null,
    });
    expect(await start.ensureCertificate({ dc, canInstall: true, log: (s: string) => logged.push(s) })).toMatchObject({ mode: "devcerts", trusted: false });
    expect(logged.join("\n")).toMatch(/a password is required/);
  });

  test("no certificate at all falls back to webpack-dev-server's self-signed one", async () => {
    const { dc } = fakeCerts({
      generate: async () => {
        throw new Error("openssl missing");
      },
    });
    expect(await start.ensureCertificate({ dc, canInstall: false, log: () => {} })).toMatchObject({ mode: "self-signed", trusted: false });
  });
});

describe("what npm start says about the certificate", () => {
  test("trusted on Windows/macOS: says so, and no import steps", () => {
    for (const platform of ["win32", "darwin"]) {
      const text = advice({ trusted: true }, platform);
      expect(text).toMatch(/已安装到系统证书库并受信任[\s\S]*installed and trusted/);
      expect(text).not.toMatch(/NOT trusted|尚未受信任|Import/);
    }
  });

  test("not trusted on Linux: the CA file, Chromium/Edge (NSS), Firefox and Excel on the web; no desktop Excel", () => {
    const text = advice({ trusted: false }, "linux");
    expect(text).toMatch(/尚未受信任[\s\S]*NOT trusted/);
    expect(text).toContain(CA);
    expect(text).toContain(`certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Developer CA for Microsoft Office Add-ins" -i ${CA}`);
    expect(text).toMatch(/Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import/);
    expect(text).toMatch(/Excel 网页版 \/ Excel on the web/);
    expect(text).toMatch(/Proceed to localhost \(unsafe\)/);
    expect(text).not.toMatch(/Excel desktop/);
  });

  test("trusted in the Linux system store still tells how to make the browsers trust it", () => {
    const text = advice({ trusted: true }, "linux");
    expect(text).toMatch(/browsers on Linux keep their own/);
    expect(text).toContain("certutil -d sql:$HOME/.pki/nssdb");
    expect(text).not.toMatch(/NOT trusted/);
  });

  test("not trusted on Windows: the installer command and the Trusted Root store, then restart Excel", () => {
    const text = advice({ trusted: false }, "win32");
    expect(text).toContain("npx office-addin-dev-certs install");
    expect(text).toMatch(/受信任的根证书颁发机构[\s\S]*Trusted Root Certification Authorities/);
    expect(text).toMatch(/close every Excel window/);
    expect(text).not.toMatch(/certutil|Keychain/);
  });

  test("not trusted on macOS: the keychain, Always Trust, then reopen Excel", () => {
    const text = advice({ trusted: false }, "darwin");
    expect(text).toMatch(/钥匙串访问[\s\S]*始终信任[\s\S]*Keychain Access[\s\S]*Always Trust/);
    expect(text).not.toMatch(/Trusted Root Certification/);
  });

  test("when the install was not tried it says why (no sudo password prompt)", () => {
    expect(advice({ installTried: false }, "linux")).toMatch(/npm start never prompts/);
    expect(advice({ installTried: true }, "linux")).not.toMatch(/npm start never prompts/);
  });

  test("self-signed: accept the warning in the browser; desktop Excel needs the dev CA", () => {
    const text = advice({ mode: "self-signed", caPath: null }, "win32");
    expect(text).toMatch(/自签名证书[\s\S]*self-signed/);
    expect(text).toMatch(/Accept the Risk and Continue/);
    expect(text).toMatch(/Excel desktop does not accept it: run npx office-addin-dev-certs install/);
  });

  test("the Chinese lines use full-width punctuation beside Chinese", () => {
    const all = ["win32", "darwin", "linux"].flatMap((p) => [advice({}, p), advice({ trusted: true }, p), advice({ mode: "self-signed" }, p)]);
    all.push(start.listeningAdvice("localhost").join("\n"), start.listeningAdvice("0.0.0.0").join("\n"));
    const halfWidth = /[\u4e00-\u9fff][,:;()]|[,:;(][\u4e00-\u9fff]/;
    expect(all.join("\n").split("\n").filter((l) => halfWidth.test(l))).toEqual([]);
  });
});

describe("README.md agrees with npm start", () => {
  test("it names every command npm start prints for the certificate and the address", () => {
    for (const command of [
      "npx office-addin-dev-certs install",
      'certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Developer CA for Microsoft Office Add-ins"',
      "security.enterprise_roots.enabled",
      "npm start -- --host 0.0.0.0",
      "GOV_HOST",
    ]) {
      expect(README).toContain(command);
    }
  });

  test("it does not promise the CA is always installed", () => {
    expect(README).not.toMatch(/由\s*`office-addin-dev-certs`\s*生成并安装；/);
  });
});
