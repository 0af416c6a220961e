package dev.picket.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user interface and IP addresses (§5.9): {@code {id, email, username, ip_address, name,
 * geo, data}}, unknown keys moved into {@code data}, {@code {{auto}}} and client-side platforms
 * resolved to the client IP, {@code request.env.REMOTE_ADDR} as a fallback.
 */
final class Users {
  private static final Set<String> STRINGS = Set.of("email", "username", "name");
  private static final Set<String> AUTO_IP_PLATFORMS = Set.of("javascript", "cocoa", "objc");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.]+)?");

  private Users() {}

  /** Runs after {@link Requests}: reads the normalized {@code request.env}. */
  static void apply(ObjectNode in, ObjectNode out, String clientIp, EventErrors errors) {
    JsonNode raw = in.get("user");
    ObjectNode user = Json.obj();
    if (raw != null && raw.isObject()) {
      ObjectNode data = Json.obj();
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        field(e.getKey(), e.getValue(), user, data, clientIp, errors);
      }
      if (data.size() > 0) {
        user.set("data", Trimming.databag(data, Trimming.DEPTH_CONTEXT));
      }
    } else if (!Json.isEmpty(raw)) {
      errors.invalidData("user", raw, "expected a user object");
    }
    if (!user.has("ip_address")) {
      String remote = Json.text(out.path("request").path("env").get("REMOTE_ADDR"));
      if (remote != null && isIp(remote)) {
        user.put("ip_address", remote);
      } else if (clientIp != null && AUTO_IP_PLATFORMS.contains(out.path("platform").asText())) {
        user.put("ip_address", clientIp);
      }
    }
    if (user.size() > 0) {
      out.set("user", user);
    }
  }

  private static void field(String key, JsonNode v, ObjectNode user, ObjectNode data,
      String clientIp, EventErrors errors) {
    if (v == null || v.isNull()) {
      return;
    }
    switch (key) {
      case "id":
        String id = Json.scalarText(v);
        if (id != null && !id.isEmpty()) {
          user.put("id", Trimming.truncate(id, 128));
        }
        return;
      case "ip_address":
        String ip = Json.text(v);
        if ("{{auto}}".equals(ip)) {
          ip = clientIp;
        } else if (ip == null || !isIp(ip.trim())) {
          errors.invalidData("user.ip_address", v, "expected an ip address");
          return;
        }
        if (ip != null) {
          user.put("ip_address", ip.trim());
        }
        return;
      case "data":
        if (v.isObject()) {
          v.fields().forEachRemaining(e -> data.set(e.getKey(), e.getValue()));
        }
        return;
      case "geo":
        if (v.isObject() && v.size() > 0) {
          user.set("geo", Trimming.databag(v, 2));
        }
        return;
      default:
        if (STRINGS.contains(key)) {
          String s = Json.scalarText(v);
          if (s != null && !s.isEmpty()) {
            user.put(key, Trimming.truncate(s, key.equals("email") ? 75 : 128));
          }
        } else {
          data.set(key, v);
        }
    }
  }

  /** An IPv4 or IPv6 literal; never resolves host names. */
  static boolean isIp(String s) {
    if (IPV4.matcher(s).matches()) {
      return true;
    }
    if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(s);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
