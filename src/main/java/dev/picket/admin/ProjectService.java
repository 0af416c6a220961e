package dev.picket.admin;

import dev.picket.grouping.GroupingConfigs;
import dev.picket.model.Environment;
import dev.picket.model.NotFound;
import dev.picket.model.Organization;
import dev.picket.model.Project;
import dev.picket.model.Team;
import dev.picket.storage.Conflict;
import dev.picket.storage.ProjectStore;
import java.util.List;

/** Teams, projects, environments and project users for the web API. Callers have passed the gates. */
public final class ProjectService {
  private final ProjectStore projects;

  public ProjectService(ProjectStore projects) {
    this.projects = projects;
  }

  public List<Team> teams(Organization org) {
    return projects.teams(org.id());
  }

  public Team createTeam(Organization org, String name, String slug) {
    if ((name == null || name.isBlank()) && slug == null) {
      throw new Refused(400, "non_field_errors", "A name or slug is required");
    }
    String wanted = OrganizationService.slug(name, slug);
    try {
      return projects.createTeam(org.id(), wanted, name == null || name.isBlank() ? wanted : name);
    } catch (Conflict e) {
      throw Refused.conflict("A team with this slug already exists.");
    }
  }

  public void deleteTeam(Team team) {
    projects.deleteTeam(team.id());
  }

  public List<Project> projectsOf(Team team) {
    return projects.projectsOfTeam(team.id());
  }

  /** The project's teams. */
  public List<Team> teamsOf(Project project) {
    List<Long> ids = projects.teamsOf(project.id());
    return projects.teams(project.organizationId()).stream().filter(t -> ids.contains(t.id())).toList();
  }

  /** Creates a project owned by the team, with a default DSN key as Sentry does. */
  public Project createProject(Team team, String name, String slug, String platform) {
    if (name == null || name.isBlank()) {
      throw new Refused(400, "name", "This field is required.");
    }
    String wanted = OrganizationService.slug(name, slug);
    Project project;
    try {
      project = projects.createProject(team.organizationId(), team.id(), wanted, name, GroupingConfigs.DEFAULT);
    } catch (Conflict e) {
      throw Refused.conflict("A project with this slug already exists.");
    }
    projects.createKey(project.id(), "Default");
    if (platform != null) {
      projects.updateProject(project.id(), project.slug(), project.name(), platform);
    }
    return projects.findProject(project.id()).orElseThrow();
  }

  /** Changes what the body names; a null argument keeps the current value. */
  public Project update(Project project, String name, String slug, String platform, String groupingConfig) {
    if (groupingConfig != null) {
      if (!GroupingConfigs.isKnown(groupingConfig)) {
        throw Refused.badRequest("Unknown grouping config: " + groupingConfig);
      }
      projects.updateGroupingConfig(project.id(), groupingConfig);
    }
    if (name != null && name.isBlank()) {
      throw new Refused(400, "name", "This field may not be blank.");
    }
    if (name != null || slug != null || platform != null) {
      String newSlug = slug == null ? project.slug() : OrganizationService.checked(slug);
      try {
        projects.updateProject(project.id(), newSlug, name == null ? project.name() : name,
            platform == null ? project.platform() : platform);
      } catch (Conflict e) {
        throw new Refused(400, "slug", "Another project (" + newSlug + ") is already using that slug");
      }
    }
    return projects.findProject(project.id()).orElseThrow();
  }

  public void delete(Project project) {
    projects.deleteProject(project.id());
  }

  /** Environments by visibility as Sentry's {@code visibility}: active (default), hidden or all. */
  public List<Environment> environments(Project project, String visibility) {
    String wanted = visibility == null ? "active" : visibility;
    if (!List.of("active", "hidden", "all").contains(wanted)) {
      throw Refused.badRequest("Invalid value for 'visibility', valid values are: 'active', 'all', 'hidden'");
    }
    return projects.environments(project.id()).stream()
        .filter(e -> wanted.equals("all") || e.hidden() == wanted.equals("hidden"))
        .toList();
  }

  public Environment setHidden(Project project, String name, boolean hidden) {
    if (!projects.setEnvironmentHidden(project.id(), name, hidden)) {
      throw NotFound.resource();
    }
    return projects.environments(project.id()).stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow();
  }

  public List<String> users(Project project, int offset, int limit) {
    return projects.users(project.id(), offset, limit);
  }
}
