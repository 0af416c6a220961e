package dev.picket.auth;

import dev.picket.model.Role;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Sentry's scopes and the scopes each organization role grants (Sentry's SENTRY_ROLES). */
public final class Scopes {
  public static final List<String> ALL = List.of(
      "org:read", "org:write", "org:admin", "org:integrations", "org:ci",
      "member:read", "member:write", "member:admin",
      "team:read", "team:write", "team:admin",
      "project:read", "project:write", "project:admin", "project:releases", "project:integrations",
      "event:read", "event:write", "event:admin",
      "alerts:read", "alerts:write");

  /** Scopes that let a request read a project (ProjectPermission, GET). */
  public static final Set<String> PROJECT_READ = Set.of("project:read", "project:write", "project:admin");

  /** Scopes that let a request change a project (ProjectPermission, PUT/POST). */
  public static final Set<String> PROJECT_WRITE = Set.of("project:write", "project:admin");

  /** Scopes that let a request delete a project or its keys (ProjectPermission, DELETE). */
  public static final Set<String> PROJECT_ADMIN = Set.of("project:admin");

  /** Scopes that let a request read an organization (OrganizationPermission, GET). */
  public static final Set<String> ORG_READ = Set.of("org:read", "org:write", "org:admin");

  /** Scopes that let a request change an organization (OrganizationPermission, POST/PUT). */
  public static final Set<String> ORG_WRITE = Set.of("org:write", "org:admin");

  /**
   * The scopes of a new organization auth token. Sentry gives them only {@code org:ci}, which its
   * release permission classes accept for GET, POST and PUT (not DELETE), as do the chunk-upload
   * and artifact-bundle endpoints sentry-cli uses. Picket adds {@code project:releases}, the scope
   * those endpoints accept from user tokens, so that an endpoint listing either accepts the token;
   * the cost is that such a token may also delete releases, which Sentry's would not.
   */
  public static final Set<String> ORG_TOKEN_DEFAULT = Set.of("org:ci", "project:releases");

  /** Scopes that let a request read issues and their events (GroupPermission, GET). */
  public static final Set<String> EVENT_READ = Set.of("event:read", "event:write", "event:admin");

  /** Scopes that let a request change issues (GroupPermission, PUT). */
  public static final Set<String> EVENT_WRITE = Set.of("event:write", "event:admin");

  /** Scopes that let a request delete issues (GroupPermission, DELETE). */
  public static final Set<String> EVENT_ADMIN = Set.of("event:admin");

  /** OrganizationMemberPermission: GET. */
  public static final Set<String> MEMBER_READ = Set.of("member:read", "member:write", "member:admin");

  /** OrganizationMemberPermission: POST/PUT. */
  public static final Set<String> MEMBER_WRITE = Set.of("member:write", "member:admin");

  /** OrganizationMemberPermission: DELETE. */
  public static final Set<String> MEMBER_ADMIN = Set.of("member:admin");

  /** TeamPermission / OrganizationTeamsPermission: GET. */
  public static final Set<String> TEAM_READ = Set.of("team:read", "team:write", "team:admin");

  /** OrganizationTeamsPermission: POST. */
  public static final Set<String> TEAM_WRITE = Set.of("team:write", "team:admin");

  /** TeamPermission: DELETE. */
  public static final Set<String> TEAM_ADMIN = Set.of("team:admin");
  /** Scopes that let a request read releases and uploads (OrganizationReleasePermission, GET). */
  public static final Set<String> RELEASE_READ =
      Set.of("project:read", "project:write", "project:admin", "project:releases", "org:ci");

  /** Scopes that let a request create or change releases and upload files (POST/PUT/DELETE). */
  public static final Set<String> RELEASE_WRITE =
      Set.of("project:write", "project:admin", "project:releases", "org:ci");

  private static final Map<Role, Set<String>> BY_ROLE = byRole();

  private Scopes() {}

  public static Set<String> of(Role role) {
    return BY_ROLE.get(role);
  }

  /**
   * Parses a comma-separated scope list; throws IllegalArgumentException naming the first unknown
   * scope.
   */
  public static Set<String> parse(String commaSeparated) {
    Set<String> scopes = Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String scope : scopes) {
      if (!ALL.contains(scope)) {
        throw new IllegalArgumentException("unknown scope: " + scope);
      }
    }
    return scopes;
  }

  private static Map<Role, Set<String>> byRole() {
    Set<String> member = Set.of("event:read", "event:write", "event:admin", "project:releases",
        "project:read", "org:read", "member:read", "team:read", "alerts:read");
    Set<String> admin = union(member, Set.of("project:write", "project:admin", "team:write",
        "team:admin", "project:integrations", "org:integrations", "alerts:write"));
    Set<String> manager = union(admin, Set.of("member:write", "member:admin", "org:write"));
    Set<String> owner = Set.copyOf(ALL);
    Map<Role, Set<String>> map = new EnumMap<>(Role.class);
    map.put(Role.MEMBER, member);
    map.put(Role.ADMIN, admin);
    map.put(Role.MANAGER, manager);
    map.put(Role.OWNER, owner);
    return map;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> result = new LinkedHashSet<>(a);
    result.addAll(b);
    return Set.copyOf(result);
  }
}
