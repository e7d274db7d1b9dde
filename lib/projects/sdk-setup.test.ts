import { describe, expect, it } from "vitest";
import { projectPlatforms } from "../contracts/projects";
import { sdkSetup } from "./sdk-setup";

const dsn = "http://0123456789abcdef0123456789abcdef@regroup.example:3000/7";

describe("the SDK setup shown for a new project", () => {
  it("starts each platform's Sentry SDK with the project's DSN, once", () => {
    for (const platform of projectPlatforms) {
      const setup = sdkSetup(platform, dsn);
      expect(setup.code.split(dsn), platform).toHaveLength(2);
      expect(setup.install, platform).toContain(setup.sdk);
    }
  });

  it("uses each language's own way of passing the DSN", () => {
    expect(sdkSetup("python", dsn).code).toContain(`sentry_sdk.init(\n    dsn="${dsn}",`);
    expect(sdkSetup("node", dsn).code).toContain(`Sentry.init({\n  dsn: "${dsn}",`);
    expect(sdkSetup("php", dsn).code).toContain(`'dsn' => '${dsn}'`);
    expect(sdkSetup("csharp", dsn).code).toContain(`options.Dsn = "${dsn}";`);
  });
});
