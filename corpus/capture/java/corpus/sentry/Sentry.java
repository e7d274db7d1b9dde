package corpus.sentry;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A capture layer that builds events the way sentry-java 7.x does (SentryExceptionFactory and
 * SentryStackTraceFactory) and sends them as envelopes: chained causes oldest first, frames oldest first,
 * the SDK's own io.sentry frames dropped, in_app true for the configured in-app packages and left out otherwise,
 * module = class name, filename = the source file name, no source context (the Java SDK sends none).
 */
public final class Sentry {
  static final String SDK_NAME = "sentry.java";
  static final String SDK_VERSION = "7.14.0";

  private static URI endpoint;
  private static String publicKey;
  private static String release;
  private static final List<String> inAppIncludes = new ArrayList<>();
  private static final ThreadLocal<Map<String, String>> tags = ThreadLocal.withInitial(LinkedHashMap::new);

  private Sentry() {}

  /** Reads the DSN like the SDK: http://key@host:port/projectId. */
  public static void init(String dsn, String releaseName, String... inApp) {
    URI uri = URI.create(dsn);
    publicKey = uri.getUserInfo();
    String projectId = uri.getPath().substring(1);
    endpoint = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + "/api/" + projectId + "/envelope/");
    release = releaseName;
    Collections.addAll(inAppIncludes, inApp);
  }

  public static void setTag(String key, String value) {
    tags.get().put(key, value);
  }

  public static void removeTag(String key) {
    tags.get().remove(key);
  }

  /** Copies the calling thread's tags, so a job handed to another thread keeps its request's tags. */
  public static Map<String, String> snapshotTags() {
    return new LinkedHashMap<>(tags.get());
  }

  public static void restoreTags(Map<String, String> snapshot) {
    tags.set(new LinkedHashMap<>(snapshot));
  }

  public static void captureException(Throwable throwable) {
    String eventId = UUID.randomUUID().toString().replace("-", "");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_id", eventId);
    event.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    event.put("platform", "java");
    event.put("level", "error");
    event.put("release", release);
    event.put("environment", "production");
    event.put("server_name", hostname());
    event.put("sdk", sdk());
    event.put("tags", new LinkedHashMap<>(tags.get()));
    event.put("exception", Map.of("values", exceptions(throwable)));
    Map<String, Object> contexts = new LinkedHashMap<>();
    contexts.put("runtime", Map.of("name", System.getProperty("java.vendor"), "version", System.getProperty("java.version")));
    contexts.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version")));
    event.put("contexts", contexts);
    send(eventId, Json.write(event));
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static Map<String, Object> sdk() {
    Map<String, Object> sdk = new LinkedHashMap<>();
    sdk.put("name", SDK_NAME);
    sdk.put("version", SDK_VERSION);
    sdk.put("packages", List.of(Map.of("name", "maven:io.sentry:sentry", "version", SDK_VERSION)));
    return sdk;
  }

  /** The causal chain, oldest first: the captured throwable is last, its root cause first. */
  static List<Map<String, Object>> exceptions(Throwable throwable) {
    Deque<Map<String, Object>> queue = new ArrayDeque<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    long threadId = Thread.currentThread().getId();
    int exceptionId = -1;
    int parentId = -1;
    for (Throwable current = throwable; current != null && seen.add(current); current = current.getCause()) {
      Map<String, Object> mechanism = new LinkedHashMap<>();
      mechanism.put("type", "chained");
      if (exceptionId >= 0) mechanism.put("parent_id", parentId);
      exceptionId++;
      mechanism.put("exception_id", exceptionId);
      parentId = exceptionId;

      Class<?> type = current.getClass();
      Package pkg = type.getPackage();
      String fullName = type.getName();
      Map<String, Object> exception = new LinkedHashMap<>();
      exception.put("type", pkg != null ? fullName.replace(pkg.getName() + ".", "") : fullName);
      exception.put("value", current.getMessage());
      exception.put("module", pkg != null ? pkg.getName() : null);
      exception.put("thread_id", threadId);
      List<Map<String, Object>> frames = frames(current.getStackTrace());
      if (!frames.isEmpty()) exception.put("stacktrace", Map.of("frames", frames));
      exception.put("mechanism", mechanism);
      queue.addFirst(exception);
    }
    return new ArrayList<>(queue);
  }

  static List<Map<String, Object>> frames(StackTraceElement[] elements) {
    List<Map<String, Object>> frames = new ArrayList<>();
    for (StackTraceElement element : elements) {
      String className = element.getClassName();
      if (className.startsWith("io.sentry.") || className.startsWith("corpus.sentry.")) continue;
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("filename", element.getFileName());
      frame.put("function", element.getMethodName());
      frame.put("module", className);
      if (element.getLineNumber() >= 0) frame.put("lineno", element.getLineNumber());
      frame.put("in_app", isInApp(className));
      frame.put("native", element.isNativeMethod());
      frames.add(frame);
    }
    Collections.reverse(frames);
    return frames;
  }

  private static Boolean isInApp(String className) {
    if (className == null || className.isEmpty()) return true;
    for (String include : inAppIncludes) if (className.startsWith(include)) return true;
    return null;
  }

  private static void send(String eventId, String payload) {
    byte[] item = payload.getBytes(StandardCharsets.UTF_8);
    String header = Json.write(Map.of("event_id", eventId, "sdk", Map.of("name", SDK_NAME, "version", SDK_VERSION)));
    String itemHeader = "{\"type\":\"event\",\"content_type\":\"application/json\",\"length\":" + item.length + "}";
    byte[] head = (header + "\n" + itemHeader + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/x-sentry-envelope");
      connection.setRequestProperty("User-Agent", SDK_NAME + "/" + SDK_VERSION);
      connection.setRequestProperty("X-Sentry-Auth",
          "Sentry sentry_version=7,sentry_client=" + SDK_NAME + "/" + SDK_VERSION + ",sentry_key=" + publicKey);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(head);
        out.write(item);
      }
      if (connection.getResponseCode() != 200) throw new IllegalStateException("capture server said " + connection.getResponseCode());
      connection.getInputStream().readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
