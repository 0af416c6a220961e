package dev.picket.admin;

import dev.picket.auth.Passwords;
import dev.picket.auth.Scopes;
import dev.picket.auth.Secrets;
import dev.picket.grouping.GroupingConfigs;
import dev.picket.model.ApiToken;
import dev.picket.model.NotFound;
import dev.picket.model.OrgAuthToken;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.RateLimit;
import dev.picket.model.Role;
import dev.picket.model.Team;
import dev.picket.model.User;
import dev.picket.protocol.Dsn;
import dev.picket.storage.AuthStore;
import dev.picket.storage.ProjectStore;
import java.time.Instant;
import java.util.Set;

/**
 * Creating organizations, projects, users, tokens and keys: the operations behind the CLI and the
 * first start. Secrets are returned once, in plaintext, and stored hashed.
 */
public final class AdminService {
  public static final String DEFAULT_ORG = "sentry";
  public static final String DEFAULT_PROJECT = "internal";

  private final ProjectStore projects;
  private final AuthStore auth;
  private final String baseUrl;

  public AdminService(ProjectStore projects, AuthStore auth, String baseUrl) {
    this.projects = projects;
    this.auth = auth;
    this.baseUrl = baseUrl;
  }

  /** Creates Sentry self-hosted's defaults when missing: organization sentry, project internal. */
  public Project ensureDefaults() {
    Organization org = projects.findOrganization(DEFAULT_ORG)
        .orElseGet(() -> createOrganization(DEFAULT_ORG, "Sentry"));
    return projects.findProject(org.id(), DEFAULT_PROJECT)
        .orElseGet(() -> createProject(DEFAULT_ORG, DEFAULT_PROJECT, "Internal"));
  }

  /** Creates an organization with a team of the same slug (projects need an owning team). */
  public Organization createOrganization(String slug, String name) {
    Slugs.check(slug);
    Organization org = projects.createOrganization(slug, name == null ? slug : name);
    projects.createTeam(org.id(), slug, org.name());
    return org;
  }

  /** Creates a project owned by the organization's default team, with one DSN key. */
  public Project createProject(String orgSlug, String slug, String name) {
    Slugs.check(slug);
    Organization org = organization(orgSlug);
    Team team = projects.findTeam(org.id(), org.slug())
        .orElseGet(() -> projects.createTeam(org.id(), org.slug(), org.name()));
    Project project = projects.createProject(org.id(), team.id(), slug, name == null ? slug : name,
        GroupingConfigs.DEFAULT);
    projects.createKey(project.id(), "Default");
    return project;
  }

  /** The public DSN of the project's first active key. */
  public String dsn(Project project) {
    ProjectKey key = projects.keys(project.id()).stream().filter(ProjectKey::active).findFirst()
        .orElseThrow(() -> new IllegalStateException("project " + project.slug() + " has no active key"));
    return Dsn.of(baseUrl, key.publicKey(), project.id()).format();
  }

  /** Creates a user; a superuser also becomes an owner of the default organization. */
  public User createUser(String email, String password, boolean superuser) {
    if (email == null || !email.contains("@")) {
      throw new IllegalArgumentException("not an email address: " + email);
    }
    User user = auth.createUser(email, Passwords.hash(password), superuser);
    if (superuser) {
      Organization org = projects.findOrganization(DEFAULT_ORG).orElseGet(() -> {
        ensureDefaults();
        return organization(DEFAULT_ORG);
      });
      auth.setMember(org.id(), user.id(), Role.OWNER);
    }
    return user;
  }

  /** Creates a user auth token and returns its plaintext (shown once). */
  public String createToken(String email, String scopes) {
    User user = auth.findUser(email).orElseThrow(() -> new NotFound("no user with email " + email));
    Set<String> parsed = Scopes.parse(scopes);
    return createUserToken(user.id(), null, parsed).plaintext();
  }

  /** A stored token or key with its plaintext, which is shown once and never stored. */
  public record Created<T>(T stored, String plaintext) {}

  /** Creates a user auth token ({@code sntryu_} + 64 hex). */
  public Created<ApiToken> createUserToken(long userId, String name, Set<String> scopes) {
    String token = Secrets.newUserToken();
    ApiToken stored = auth.createToken(userId, name, Secrets.sha256(token), Secrets.lastCharacters(token),
        scopes, null);
    return new Created<>(stored, token);
  }

  /**
   * Creates an organization auth token ({@code sntrys_…}) with the scopes of
   * {@link Scopes#ORG_TOKEN_DEFAULT}; the token embeds the public URL and the organization slug.
   */
  public Created<OrgAuthToken> createOrgToken(Organization org, String name) {
    String token = Secrets.newOrgToken(baseUrl, org.slug(), Instant.now());
    OrgAuthToken stored = auth.createOrgToken(org.id(), name, Secrets.sha256(token),
        Secrets.lastCharacters(token), Scopes.ORG_TOKEN_DEFAULT);
    return new Created<>(stored, token);
  }

  /** As {@link #createOrgToken(Organization, String)} by slug; returns the plaintext. */
  public String createOrgToken(String orgSlug, String name) {
    return createOrgToken(organization(orgSlug), name).plaintext();
  }

  /** Creates a legacy organization API key and returns its plaintext (shown once). */
  public String createApiKey(String orgSlug, String scopes) {
    Organization org = organization(orgSlug);
    String key = Secrets.newApiKey();
    auth.createApiKey(org.id(), Secrets.sha256(key), Scopes.parse(scopes));
    return key;
  }

  public void addMember(String orgSlug, String email, String roleName) {
    Organization org = organization(orgSlug);
    User user = auth.findUser(email).orElseThrow(() -> new NotFound("no user with email " + email));
    Role role = Role.parse(roleName)
        .orElseThrow(() -> new IllegalArgumentException("unknown role: " + roleName));
    auth.setMember(org.id(), user.id(), role);
  }

  /** Limits a DSN key to {@code count} events per {@code windowSeconds}; null window clears it. */
  public ProjectKey setKeyRateLimit(String publicKey, Integer windowSeconds, Integer count) {
    ProjectKey key = projects.findKey(publicKey).orElseThrow(() -> new NotFound("no key " + publicKey));
    RateLimit limit = windowSeconds == null ? null : new RateLimit(windowSeconds, count == null ? 0 : count);
    projects.setKeyRateLimit(key.id(), limit);
    return projects.findKey(publicKey).orElseThrow();
  }

  private Organization organization(String slug) {
    return projects.findOrganization(slug).orElseThrow(() -> new NotFound("no organization " + slug));
  }
}
