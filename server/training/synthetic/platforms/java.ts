import { camel, pascal } from "../names";
import { libraryFrames, type PlatformSpec } from "./spec";

const lib = (specs: string[]) =>
  libraryFrames(specs, (module) => {
    const simple = module.split(".").pop() ?? module;
    return { module, filename: `${simple.split("$")[0]}.java`, abs_path: `${simple.split("$")[0]}.java` };
  });

export const java: PlatformSpec = {
  platform: "java",
  sdk: { name: "sentry.java.spring-boot.jakarta", version: "7.18.0" },
  functionName: (words) => camel(words),
  appFrame: ({ company, pkg, domain, layer, fn, line }) => {
    const cls = pascal([domain.replace(/s$/, ""), layer.replace(/s$/, "")]);
    return {
      module: `com.${company}.${pkg.replace(/-/g, "")}.${domain}.${cls}`,
      filename: `${cls}.java`,
      abs_path: `${cls}.java`,
      function: fn,
      lineno: line,
      in_app: true,
    };
  },
  callCode: [""],
  entries: [
    lib([
      "java.lang.Thread|run",
      "org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker|run",
      "org.apache.catalina.core.StandardWrapperValve|invoke",
      "org.springframework.web.servlet.FrameworkServlet|service",
      "org.springframework.web.servlet.DispatcherServlet|doDispatch",
      "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter|invokeHandlerMethod",
      "org.springframework.web.method.support.InvocableHandlerMethod|doInvoke",
      "jdk.internal.reflect.DirectMethodHandleAccessor|invoke",
    ]),
    lib([
      "java.lang.Thread|run",
      "org.springframework.kafka.listener.KafkaMessageListenerContainer$ListenerConsumer|doInvokeRecordListener",
      "org.springframework.kafka.listener.adapter.RecordMessagingMessageListenerAdapter|onMessage",
    ]),
    lib([
      "java.lang.Thread|run",
      "java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask|run",
      "org.springframework.scheduling.support.ScheduledMethodRunnable|run",
    ]),
  ],
  wrappers: ["lambda$0", "invoke", "proceed", "apply", "call", "run"],
  failures: [
    {
      type: "NullPointerException",
      module: "java.lang",
      messages: [
        'Cannot invoke "{model}.get{model}()" because "{attr}" is null',
        'Cannot invoke "String.length()" because the return value of "{model}.getName()" is null',
      ],
      tails: [[]],
      code: [""],
    },
    {
      type: "IllegalStateException",
      module: "java.lang",
      messages: ["{model} {n} is not in a valid state", "Duplicate key {key} (attempted merging values {n} and {n})"],
      tails: [[]],
      code: [""],
    },
    {
      type: "SocketTimeoutException",
      module: "java.net",
      messages: ["Read timed out", "timeout"],
      tails: [
        lib([
          "okhttp3.internal.connection.RealCall|execute",
          "okhttp3.internal.connection.RealCall|getResponseWithInterceptorChain$okhttp",
          "okhttp3.internal.http.RealInterceptorChain|proceed",
          "okio.AsyncTimeout|newTimeoutException$jvm",
        ]),
        lib([
          "org.springframework.web.client.RestTemplate|doExecute",
          "sun.net.www.protocol.http.HttpURLConnection|getInputStream0",
          "java.net.Socket$SocketInputStream|read",
        ]),
      ],
      code: [""],
    },
    {
      type: "DataIntegrityViolationException",
      module: "org.springframework.dao",
      messages: [
        'could not execute statement [ERROR: duplicate key value violates unique constraint "{table}_{col}_key"]',
      ],
      tails: [
        lib([
          "org.springframework.data.jpa.repository.support.SimpleJpaRepository|save",
          "org.hibernate.internal.SessionImpl|flush",
          "org.hibernate.engine.jdbc.spi.SqlExceptionHelper|convert",
        ]),
      ],
      code: [""],
      cause: {
        type: "PSQLException",
        module: "org.postgresql.util",
        messages: ['ERROR: duplicate key value violates unique constraint "{table}_{col}_key"'],
      },
    },
    {
      type: "MismatchedInputException",
      module: "com.fasterxml.jackson.databind.exc",
      messages: ["Cannot deserialize value of type `{model}` from Array value (token `JsonToken.START_ARRAY`)"],
      tails: [
        lib([
          "com.fasterxml.jackson.databind.ObjectMapper|readValue",
          "com.fasterxml.jackson.databind.ObjectMapper|_readMapAndClose",
          "com.fasterxml.jackson.databind.DeserializationContext|handleUnexpectedToken",
        ]),
      ],
      code: [""],
    },
    {
      type: "NoSuchElementException",
      module: "java.util",
      messages: ["No value present"],
      tails: [lib(["java.util.Optional|orElseThrow"])],
      code: [""],
    },
    {
      type: "IndexOutOfBoundsException",
      module: "java.lang",
      messages: ["Index {len} out of bounds for length {len}"],
      tails: [
        lib(["java.util.ArrayList|get", "java.util.Objects|checkIndex", "jdk.internal.util.Preconditions|outOfBounds"]),
      ],
      code: [""],
    },
    {
      type: "ConcurrentModificationException",
      module: "java.util",
      messages: [""],
      tails: [lib(["java.util.ArrayList$Itr|next", "java.util.ArrayList$Itr|checkForComodification"])],
      code: [""],
    },
  ],
};
