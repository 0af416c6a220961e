package dev.picket.model;

import java.util.Locale;
import java.util.Optional;

/** Sentry's organization roles, weakest first. */
public enum Role {
  MEMBER,
  ADMIN,
  MANAGER,
  OWNER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String text) {
    for (Role role : values()) {
      if (role.wireName().equals(text)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
