package dev.picket.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.model.Attachment;
import dev.picket.model.UserReport;
import java.net.URLConnection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Sentry's shapes for what envelopes carried besides the event: EventAttachmentSerializer items,
 * the event's {@code crashFile}, and UserReportSerializer items ({@code userReport}).
 */
final class ItemsRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** A plain {@code type/subtype} with optional parameters; anything else is not echoed back. */
  private static final Pattern CONTENT_TYPE =
      Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=[A-Za-z0-9!#$&^_.+\"-]+)*");

  private ItemsRenderer() {}

  /**
   * The content type to show and serve: what the SDK sent when it is well-formed, else a guess
   * from the file name (Sentry's {@code mimetypes.guess_type}), else {@code application/octet-stream}.
   */
  static String mimetype(Attachment a) {
    if (a.contentType() != null && CONTENT_TYPE.matcher(a.contentType()).matches()) {
      return a.contentType();
    }
    String guessed = URLConnection.guessContentTypeFromName(a.name());
    return guessed != null ? guessed : "application/octet-stream";
  }

  /**
   * {@code attachment; filename="..."} as Sentry sends it (the base name, whitespace runs folded
   * to one space). The quoted name keeps printable ASCII only (others become {@code _}); a name
   * that needed that also gets RFC 6266's {@code filename*=UTF-8''...}.
   */
  static String contentDisposition(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    base = String.join(" ", base.strip().split("\\s+"));
    if (base.isEmpty()) {
      base = "attachment";
    }
    StringBuilder ascii = new StringBuilder();
    base.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    String header = "attachment; filename=\"" + ascii + "\"";
    if (!ascii.toString().equals(base)) {
      header += "; filename*=UTF-8''" + URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20");
    }
    return header;
  }

  /** {@code {id, name, type, size, mimetype, dateCreated, sha1, headers, event_id}}. */
  static ObjectNode attachment(Attachment a) {
    ObjectNode out = crashFile(a);
    out.put("mimetype", mimetype(a));
    out.put("event_id", a.eventId().hex());
    return out;
  }

  /** The event's {@code crashFile}: {@code {id, name, headers, size, sha1, dateCreated, type}}. */
  static ObjectNode crashFile(Attachment a) {
    ObjectNode out = F.objectNode();
    out.put("id", String.valueOf(a.id()));
    out.put("name", a.name());
    out.put("type", a.type());
    out.put("size", a.size());
    out.put("sha1", a.sha1());
    out.put("dateCreated", ApiDates.millis(a.dateCreated()));
    out.set("headers", F.objectNode().put("Content-Type", mimetype(a)));
    return out;
  }

  /**
   * {@code {id, eventID, name, email, comments, dateCreated, user, event: {id, eventID}}};
   * {@code eventRowId} is the event's row id, null when the event is not stored.
   */
  static ObjectNode userReport(UserReport r, Long eventRowId) {
    ObjectNode out = F.objectNode();
    out.put("id", String.valueOf(r.id()));
    out.put("eventID", r.eventId().hex());
    out.put("name", r.name());
    out.put("email", r.email());
    out.put("comments", r.comments());
    out.put("dateCreated", ApiDates.millis(r.dateCreated()));
    out.putNull("user");
    ObjectNode event = out.putObject("event");
    event.set("id", eventRowId == null ? F.nullNode() : (JsonNode) F.textNode(String.valueOf(eventRowId)));
    event.put("eventID", r.eventId().hex());
    return out;
  }
}
