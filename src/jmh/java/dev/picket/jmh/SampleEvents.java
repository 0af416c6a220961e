package dev.picket.jmh;

/**
 * The load benchmark's event (a copy of {@code bench/.../EventJson}, kept in step by hand) with the
 * placeholders filled. Builds a Python-SDK-like error event (what {@code sentry_sdk.capture_exception} sends: an
 * exception with a 20-frame stack trace, context lines and local variables, breadcrumbs, contexts,
 * modules, tags, user, request) as JSON text with fixed-width placeholders: {@link #ID} for the
 * event id, {@link #TS} for the timestamp and {@link #ISSUE} for the number that decides the issue
 * (it is part of the in-app frames' function names, which the grouping hashes). Breadcrumbs are
 * added until the event reaches the requested size.
 */
public final class SampleEvents {
  static final String ID = "#".repeat(32);
  static final String TS = "~".repeat(27);
  static final String ISSUE = "%".repeat(7);
  private static final int FRAMES = 20;

  private SampleEvents() {}

  /** A filled-in event of about {@code targetBytes} bytes of JSON. */
  public static String event(int targetBytes) {
    return build(targetBytes).replace(ID, "4c79f60c11214eb38604f4ae0781bfb2")
        .replace(TS, "2026-11-28T18:47:26.164635Z").replace(ISSUE, "0000042");
  }

  /** The event wrapped in an envelope as the Python SDK sends it. */
  public static String envelope(int targetBytes) {
    String event = event(targetBytes);
    return "{\"event_id\":\"4c79f60c11214eb38604f4ae0781bfb2\",\"sent_at\":\"2026-11-28T18:47:26.200000Z\"}\n"
        + "{\"type\":\"event\",\"length\":" + event.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + ",\"content_type\":\"application/json\"}\n" + event + "\n";
  }

  static String build(int targetBytes) {
    boolean large = targetBytes >= 20_000;
    StringBuilder sb = new StringBuilder(targetBytes + 2048);
    sb.append("{\"event_id\":\"").append(ID).append("\",\"timestamp\":\"").append(TS).append('"')
        .append(",\"platform\":\"python\",\"level\":\"error\",\"logger\":\"shop.orders\"")
        .append(",\"server_name\":\"web-3.internal\",\"release\":\"shop@2.14.0\",\"environment\":\"production\"")
        .append(",\"sdk\":{\"name\":\"sentry.python\",\"version\":\"2.19.0\",\"integrations\":[\"argv\",\"atexit\","
            + "\"dedupe\",\"django\",\"excepthook\",\"logging\",\"modules\",\"stdlib\",\"threading\"],"
            + "\"packages\":[{\"name\":\"pypi:sentry-sdk\",\"version\":\"2.19.0\"}]}")
        .append(",\"exception\":{\"values\":[{\"type\":\"KeyError\",\"value\":\"'sku-").append(ISSUE)
        .append("'\",\"module\":null,\"mechanism\":{\"type\":\"django\",\"handled\":false},\"stacktrace\":{\"frames\":[");
    for (int i = 0; i < FRAMES; i++) {
      frame(sb, i, large);
    }
    sb.append("]}}]}");
    sb.append(",\"contexts\":{\"runtime\":{\"name\":\"CPython\",\"version\":\"3.11.2\",\"build\":\"3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]\"}}")
        .append(",\"tags\":{\"customer_tier\":\"gold\",\"region\":\"eu-west-1\"}")
        .append(",\"user\":{\"id\":\"42\",\"email\":\"jane@example.com\",\"ip_address\":\"10.1.2.3\"}")
        .append(",\"request\":{\"url\":\"https://shop.example.com/api/orders/1234\",\"method\":\"POST\","
            + "\"headers\":{\"Host\":\"shop.example.com\",\"User-Agent\":\"Mozilla/5.0 (X11; Linux x86_64) "
            + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\",\"Accept\":\"application/json\"}}")
        .append(",\"modules\":{\"django\":\"4.2.7\",\"psycopg2\":\"2.9.9\",\"requests\":\"2.31.0\",\"urllib3\":\"2.1.0\","
            + "\"certifi\":\"2023.11.17\",\"sentry-sdk\":\"2.19.0\"}")
        .append(",\"extra\":{\"sys.argv\":[\"manage.py\",\"runserver\"],\"order_count\":2}");
    sb.append(",\"breadcrumbs\":{\"values\":[");
    int base = sb.length();
    for (int i = 0; sb.length() + 3 < targetBytes || i == 0; i++) {
      if (sb.length() > base) {
        sb.append(',');
      }
      breadcrumb(sb, i);
    }
    return sb.append("]}}").toString();
  }

  private static void frame(StringBuilder sb, int i, boolean large) {
    boolean inApp = i >= FRAMES - 5;
    String module = inApp ? "shop.orders.service" : "django.h.m" + i;
    String file = inApp ? "shop/orders/service.py" : "django/h/m" + i + ".py";
    String function = inApp ? "process_step_" + (i - FRAMES + 6) + "_" + ISSUE : "inner_" + i;
    if (i > 0) {
      sb.append(',');
    }
    sb.append("{\"filename\":\"").append(file).append("\",\"abs_path\":\"/srv/app/")
        .append(file).append("\",\"module\":\"").append(module).append("\",\"function\":\"").append(function)
        .append("\",\"lineno\":").append(40 + i * 7).append(",\"in_app\":").append(inApp)
        .append(",\"context_line\":\"    return view(request)  # ").append(i).append('"');
    int contextLines = large ? 5 : inApp ? 1 : 0;
    if (contextLines > 0) {
      sb.append(",\"pre_context\":[");
      lines(sb, contextLines, "    def call_" + i);
      sb.append("],\"post_context\":[");
      lines(sb, contextLines, "    return result_" + i);
      sb.append("]");
    }
    if (inApp || large) {
      sb.append(",\"vars\":{\"request\":\"<WSGIRequest: POST '/api/orders/1234'>\",\"order_id\":\"1234\"");
      if (large) {
        sb.append(",\"items\":[");
        for (int k = 0; k < 12; k++) {
          sb.append(k == 0 ? "" : ",").append("\"{'sku': 'sku-").append(1000 + k).append("', 'qty': ").append(k + 1).append("}\"");
        }
        sb.append("],\"settings\":{\"DEBUG\":\"False\",\"TIME_ZONE\":\"'UTC'\",\"DATABASES\":\"{'default': {...}}\"}");
      }
      sb.append('}');
    }
    sb.append('}');
  }

  private static void lines(StringBuilder sb, int n, String text) {
    for (int k = 0; k < n; k++) {
      sb.append(k == 0 ? "" : ",").append('"').append(text).append("(arg_").append(k).append(")\"");
    }
  }

  private static void breadcrumb(StringBuilder sb, int i) {
    if (i % 2 == 0) {
      sb.append("{\"type\":\"http\",\"category\":\"httplib\",\"timestamp\":1700000000.").append(100 + i)
          .append(",\"data\":{\"method\":\"GET\",\"url\":\"http://inventory.internal/stock/").append(i)
          .append("\",\"status_code\":200}}");
    } else {
      sb.append("{\"type\":\"default\",\"category\":\"query\",\"timestamp\":1700000000.").append(100 + i)
          .append(",\"message\":\"SELECT id, sku, qty FROM inventory WHERE sku = %s\",\"level\":\"info\"}");
    }
  }
}
