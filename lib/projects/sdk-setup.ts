import type { ProjectPlatform } from "../contracts/projects";

/** How to send a platform's errors to a DSN with its Sentry SDK: the package to install and the code to start it. */
export interface SdkSetup {
  /** The SDK's package, as its ecosystem names it. */
  sdk: string;
  /** The command (or build-file line) that installs it. */
  install: string;
  /** The code that starts it with the DSN, early in the application. */
  code: string;
}

const setups: Record<ProjectPlatform, (dsn: string) => SdkSetup> = {
  javascript: (dsn) => ({
    sdk: "@sentry/browser",
    install: "npm install --save @sentry/browser",
    code: `import * as Sentry from "@sentry/browser";

Sentry.init({
  dsn: "${dsn}",
});`,
  }),
  node: (dsn) => ({
    sdk: "@sentry/node",
    install: "npm install --save @sentry/node",
    code: `// instrument.mjs: load it before the application (node --import ./instrument.mjs app.mjs)
import * as Sentry from "@sentry/node";

Sentry.init({
  dsn: "${dsn}",
});`,
  }),
  python: (dsn) => ({
    sdk: "sentry-sdk",
    install: "pip install --upgrade sentry-sdk",
    code: `import sentry_sdk

sentry_sdk.init(
    dsn="${dsn}",
)`,
  }),
  java: (dsn) => ({
    sdk: "io.sentry:sentry",
    install: `implementation("io.sentry:sentry:<version>") // build.gradle.kts`,
    code: `import io.sentry.Sentry;

Sentry.init(options -> {
    options.setDsn("${dsn}");
});`,
  }),
  go: (dsn) => ({
    sdk: "sentry-go",
    install: "go get github.com/getsentry/sentry-go",
    code: `err := sentry.Init(sentry.ClientOptions{
	Dsn: "${dsn}",
})
if err != nil {
	log.Fatalf("sentry.Init: %s", err)
}
// Send what is buffered before the program exits.
defer sentry.Flush(2 * time.Second)`,
  }),
  ruby: (dsn) => ({
    sdk: "sentry-ruby",
    install: "bundle add sentry-ruby",
    code: `require "sentry-ruby"

Sentry.init do |config|
  config.dsn = "${dsn}"
end`,
  }),
  php: (dsn) => ({
    sdk: "sentry/sentry",
    install: "composer require sentry/sentry",
    code: `\\Sentry\\init([
    'dsn' => '${dsn}',
]);`,
  }),
  csharp: (dsn) => ({
    sdk: "Sentry",
    install: "dotnet add package Sentry",
    code: `using Sentry;

using (SentrySdk.Init(options =>
{
    options.Dsn = "${dsn}";
}))
{
    // The application runs here; events are sent before the block ends.
}`,
  }),
};

/** The setup of a platform's Sentry SDK, pointed at the DSN. */
export function sdkSetup(platform: ProjectPlatform, dsn: string): SdkSetup {
  return setups[platform](dsn);
}
