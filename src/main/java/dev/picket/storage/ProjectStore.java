package dev.picket.storage;

import dev.picket.model.Environment;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.ProjectKey;
import dev.picket.model.RateLimit;
import dev.picket.model.Team;
import java.util.List;
import java.util.Optional;

/**
 * Organizations, teams, projects and their DSN keys. Slugs are unique within their parent. A
 * deleted project is invisible to every method here (its slug is freed at once).
 */
public interface ProjectStore {
  /** Creates an organization; throws {@link Conflict} when the slug is taken. */
  Organization createOrganization(String slug, String name);

  Optional<Organization> findOrganization(String slug);

  Optional<Organization> findOrganization(long id);

  /** All organizations, oldest first. */
  List<Organization> organizations();

  /** Creates a team; throws {@link Conflict} when the slug is taken in the organization. */
  Team createTeam(long organizationId, String slug, String name);

  Optional<Team> findTeam(long organizationId, String slug);

  /**
   * Creates a project owned by the team; throws {@link Conflict} when the slug is taken in the
   * organization.
   */
  Project createProject(long organizationId, long teamId, String slug, String name, String groupingConfig);

  Optional<Project> findProject(long organizationId, String slug);

  /** The organization's projects, by slug; empty for an unknown organization. */
  List<Project> projectsOf(long organizationId);

  Optional<Project> findProject(long projectId);

  /** The ids of the teams that own the project. */
  List<Long> teamsOf(long projectId);

  void updateGroupingConfig(long projectId, String groupingConfig);

  /** Creates an active DSN key with fresh random public and secret keys. */
  default ProjectKey createKey(long projectId, String label) {
    return createKey(projectId, label, null, null, null);
  }

  /**
   * Creates an active DSN key with the given public and secret keys (each generated as 32 random
   * hex when null) and rate limit (null: unlimited). Throws {@link Conflict} when the public key
   * is taken.
   */
  ProjectKey createKey(long projectId, String label, String publicKey, String secretKey, RateLimit rateLimit);

  /** The key with this public key, active or not; empty when none exists. */
  Optional<ProjectKey> findKey(String publicKey);

  /** The project's keys, oldest first. */
  List<ProjectKey> keys(long projectId);

  void setKeyActive(long keyId, boolean active);

  /** Sets the key's rate limit; null removes it. */
  void setKeyRateLimit(long keyId, RateLimit rateLimit);

  /** Changes the organization's slug and name; throws {@link Conflict} when the slug is taken. */
  void updateOrganization(long organizationId, String slug, String name);

  /** The organization's teams, by slug. */
  List<Team> teams(long organizationId);

  /** Deletes the team; its projects stay in the organization without that owner. */
  void deleteTeam(long teamId);

  /** The projects the team owns, by slug. */
  List<Project> projectsOfTeam(long teamId);

  /**
   * Changes the project's slug, name and platform (null clears it); throws {@link Conflict} when
   * the slug is taken in the organization.
   */
  void updateProject(long projectId, String slug, String name, String platform);

  /**
   * Deletes the project as Sentry schedules it: it disappears from every read, its slug is free
   * again and its DSN keys stop accepting events. Its events stay on disk.
   */
  void deleteProject(long projectId);

  /**
   * The environments the project has seen events from (the {@code environment} tag values of its
   * issues), by name, with their hidden flag.
   */
  List<Environment> environments(long projectId);

  /** Hides or shows an environment; false when the project has no such environment. */
  boolean setEnvironmentHidden(long projectId, String name, boolean hidden);

  /**
   * The distinct {@code sentry:user} tag values ({@code id:...}, {@code email:...} ...) of the
   * project's issues, sorted, from {@code offset}, at most {@code limit}.
   */
  List<String> users(long projectId, int offset, int limit);
  /** Renames the key. */
  void setKeyLabel(long keyId, String label);

  /** Deletes the key; events it delivered stay. Deleting a missing key does nothing. */
  void deleteKey(long keyId);
}
