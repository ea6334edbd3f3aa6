/**
 * README's govcheck section agrees with govcheck: the four exit codes, and examples that redirect
 * output use `npx govcheck` (npm run's banner would corrupt the file).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { EXIT } from "../../../src/cli/result";

const readme = readFileSync(join(__dirname, "../../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## govcheck"), readme.indexOf("\n## ", readme.indexOf("## govcheck") + 1));

describe("README's govcheck section", () => {
  it("documents every exit code", () => {
    for (const code of Object.values(EXIT)) expect(section).toMatch(new RegExp(`^\\| \\*\\*${code}\\*\\* \\|`, "m"));
  });

  it("redirects output only with npx govcheck, and says why", () => {
    const commands = section.split("\n").filter((l) => /^(npm run|npx) govcheck/.test(l));
    expect(commands.some((l) => l.startsWith("npx govcheck") && l.includes(">"))).toBe(true);
    for (const l of commands.filter((c) => c.startsWith("npm run"))) expect(l.replace(/#.*/, "")).not.toContain(">");
    expect(section).toMatch(/banner/);
  });

  it("shows verdict lines and the closing summary", () => {
    expect(section).toMatch(/\.xlsx {2}未通过（违规\d+处、需说明\d+处）/);
    expect(section).toMatch(/ {2}无法读取：/);
    expect(section).toMatch(/^共\d+个文件：通过\d+个，未通过\d+个，无法读取\d+个/m);
  });
});
