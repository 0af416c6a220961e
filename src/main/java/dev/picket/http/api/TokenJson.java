package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.ApiToken;
import dev.picket.model.OrgAuthToken;
import java.time.Instant;
import java.util.Set;

/**
 * User and organization auth tokens in Sentry's serializer shapes. The plaintext {@code token} is
 * added only in the answer to a create; later answers show {@code tokenLastCharacters}.
 */
final class TokenJson {
  private TokenJson() {}

  static ObjectNode user(ApiToken token, String plaintext) {
    ObjectNode body = Json.object().put("id", String.valueOf(token.id())).put("name", token.name());
    scopes(body, token.scopes());
    body.putNull("application");
    date(body, "expiresAt", token.expiresAt());
    date(body, "dateCreated", token.dateCreated());
    body.put("tokenLastCharacters", token.lastCharacters());
    date(body, "dateLastUsed", token.lastUsed());
    if (plaintext != null) {
      body.put("token", plaintext);
    }
    return body;
  }

  static ObjectNode org(OrgAuthToken token, String plaintext) {
    ObjectNode body = Json.object().put("id", String.valueOf(token.id())).put("name", token.name());
    scopes(body, token.scopes());
    body.put("tokenLastCharacters", token.lastCharacters());
    date(body, "dateCreated", token.dateCreated());
    date(body, "dateLastUsed", token.lastUsed());
    body.putNull("projectLastUsedId");
    if (plaintext != null) {
      body.put("token", plaintext);
    }
    return body;
  }

  private static void scopes(ObjectNode body, Set<String> scopes) {
    ArrayNode list = body.putArray("scopes");
    scopes.stream().sorted().forEach(list::add);
  }

  private static void date(ObjectNode body, String field, Instant value) {
    if (value == null) {
      body.putNull(field);
    } else {
      body.put(field, ApiDates.millis(value));
    }
  }
}
