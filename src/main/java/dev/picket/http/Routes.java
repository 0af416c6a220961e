package dev.picket.http;

import dev.picket.http.api.ApiCors;
import dev.picket.http.api.AssembleHandler;
import dev.picket.http.api.ChunkUploadHandler;
import dev.picket.http.api.DeployHandler;
import dev.picket.http.api.EmptyListHandler;
import dev.picket.http.api.ApiRateLimiter;
import dev.picket.http.api.EventAttachmentsHandler;
import dev.picket.http.api.EnvironmentsHandler;
import dev.picket.http.api.ApiTokensHandler;
import dev.picket.http.api.EventDetailsHandler;
import dev.picket.http.api.GroupingInfoHandler;
import dev.picket.http.api.IndexHandler;
import dev.picket.http.api.IssueBulkHandler;
import dev.picket.http.api.IssueDetailsHandler;
import dev.picket.http.api.IssueEventsHandler;
import dev.picket.http.api.IssueListHandler;
import dev.picket.http.api.IssueTagsHandler;
import dev.picket.http.api.UserFeedbackHandler;
import dev.picket.http.api.MembersHandler;
import dev.picket.http.api.OrganizationsHandler;
import dev.picket.http.api.ProjectsHandler;
import dev.picket.http.api.TeamsHandler;
import dev.picket.http.api.OpenApiHandler;
import dev.picket.http.api.OrgAuthTokensHandler;
import dev.picket.http.api.ProjectKeysHandler;
import dev.picket.http.api.ReleaseDetailsHandler;
import dev.picket.http.api.ReleaseListHandler;
import dev.picket.http.ingest.Cors;
import dev.picket.http.ingest.IngestHandler;
import dev.picket.http.ingest.SecurityReportHandler;
import io.javalin.config.RoutesConfig;

/** Every URL Picket serves, in one table. Ingest paths match with and without a trailing slash. */
public final class Routes {
  /** The handlers the table points at; built by {@code App}. */
  public record Handlers(
      HealthHandler health,
      ApiRateLimiter apiRateLimiter,
      IngestHandler ingest,
      SecurityReportHandler securityReports,
      IndexHandler index,
      EventDetailsHandler eventDetails,
      GroupingInfoHandler groupingInfo,
      ProjectsHandler projects,
      IssueListHandler issueList,
      IssueBulkHandler issueBulk,
      IssueDetailsHandler issueDetails,
      IssueEventsHandler issueEvents,
      IssueTagsHandler issueTags,
      EventAttachmentsHandler attachments,
      UserFeedbackHandler userFeedback,
      OrganizationsHandler organizations,
      MembersHandler members,
      TeamsHandler teams,
      EnvironmentsHandler environments,
      ProjectKeysHandler projectKeys,
      ApiTokensHandler apiTokens,
      OrgAuthTokensHandler orgAuthTokens,
      ReleaseListHandler releaseList,
      ReleaseDetailsHandler releaseDetails,
      DeployHandler deploys,
      ChunkUploadHandler chunkUpload,
      AssembleHandler assemble,
      EmptyListHandler emptyList,
      OpenApiHandler openApi) {}

  private Routes() {}

  public static void register(RoutesConfig routes, Handlers h) {
    routes.get("/_health/", h.health()::handle);

    routes.before("/api/{projectId}/store/", Cors::headers);
    routes.before("/api/{projectId}/envelope/", Cors::headers);
    routes.options("/api/{projectId}/store/", Cors::preflight);
    routes.options("/api/{projectId}/envelope/", Cors::preflight);
    routes.post("/api/{projectId}/store/", h.ingest()::store);
    routes.post("/api/{projectId}/envelope/", h.ingest()::envelope);
    for (String path : new String[] {"/api/{projectId}/security/", "/api/{projectId}/csp-report/"}) {
      routes.before(path, Cors::headers);
      routes.options(path, Cors::preflight);
      routes.post(path, h.securityReports()::handle);
    }

    routes.before("/api/0/*", ApiCors::headers);
    routes.options("/api/0/*", ApiCors::preflight);
    routes.before("/api/0/*", h.apiRateLimiter()::check);
    routes.get("/api/0/", h.index()::handle);
    routes.get("/api/0/openapi.json", h.openApi()::handle);
    routes.get("/api/0/organizations/", h.organizations()::list);
    routes.post("/api/0/organizations/", h.organizations()::create);
    routes.get("/api/0/organizations/{org}/", h.organizations()::detail);
    routes.put("/api/0/organizations/{org}/", h.organizations()::update);
    routes.get("/api/0/organizations/{org}/members/", h.members()::list);
    routes.post("/api/0/organizations/{org}/members/", h.members()::add);
    routes.get("/api/0/organizations/{org}/members/{member}/", h.members()::detail);
    routes.put("/api/0/organizations/{org}/members/{member}/", h.members()::update);
    routes.delete("/api/0/organizations/{org}/members/{member}/", h.members()::remove);
    routes.get("/api/0/organizations/{org}/teams/", h.teams()::list);
    routes.post("/api/0/organizations/{org}/teams/", h.teams()::create);
    routes.get("/api/0/organizations/{org}/projects/", h.projects()::organization);
    routes.get("/api/0/teams/{org}/{team}/", h.teams()::detail);
    routes.delete("/api/0/teams/{org}/{team}/", h.teams()::delete);
    routes.get("/api/0/teams/{org}/{team}/projects/", h.teams()::projects);
    routes.post("/api/0/teams/{org}/{team}/projects/", h.teams()::createProject);
    routes.get("/api/0/projects/", h.projects()::all);
    routes.get("/api/0/projects/{org}/{project}/", h.projects()::detail);
    routes.put("/api/0/projects/{org}/{project}/", h.projects()::update);
    routes.delete("/api/0/projects/{org}/{project}/", h.projects()::delete);
    routes.get("/api/0/projects/{org}/{project}/environments/", h.environments()::list);
    routes.put("/api/0/projects/{org}/{project}/environments/{environment}/", h.environments()::update);
    routes.get("/api/0/projects/{org}/{project}/users/", h.environments()::users);
    routes.get("/api/0/projects/{org}/{project}/events/", h.issueEvents()::projectEvents);
    routes.get("/api/0/projects/{org}/{project}/events/{eventId}/", h.eventDetails()::handle);
    routes.get("/api/0/projects/{org}/{project}/events/{eventId}/grouping-info/", h.groupingInfo()::handle);
    routes.get("/api/0/projects/{org}/{project}/events/{eventId}/attachments/", h.attachments()::list);
    routes.get("/api/0/projects/{org}/{project}/events/{eventId}/attachments/{attachmentId}/",
        h.attachments()::details);
    routes.get("/api/0/projects/{org}/{project}/user-feedback/", h.userFeedback()::list);
    routes.post("/api/0/projects/{org}/{project}/user-feedback/", h.userFeedback()::post);

    routes.get("/api/0/projects/{org}/{project}/issues/", h.issueList()::project);
    routes.put("/api/0/projects/{org}/{project}/issues/", h.issueBulk()::put);
    routes.delete("/api/0/projects/{org}/{project}/issues/", h.issueBulk()::delete);
    routes.get("/api/0/organizations/{org}/issues/", h.issueList()::organization);
    for (String prefix : new String[] {"/api/0/issues/{issueId}", "/api/0/organizations/{org}/issues/{issueId}"}) {
      routes.get(prefix + "/", h.issueDetails()::get);
      routes.put(prefix + "/", h.issueDetails()::put);
      routes.delete(prefix + "/", h.issueDetails()::delete);
      routes.get(prefix + "/events/", h.issueEvents()::issueEvents);
      routes.get(prefix + "/events/{eventId}/", h.issueEvents()::issueEvent);
      routes.get(prefix + "/tags/", h.issueTags()::tags);
      routes.get(prefix + "/tags/{key}/values/", h.issueTags()::values);
      routes.get(prefix + "/hashes/", h.issueTags()::hashes);
    }

    routes.get("/api/0/projects/{org}/{project}/keys/", h.projectKeys()::list);
    routes.post("/api/0/projects/{org}/{project}/keys/", h.projectKeys()::create);
    routes.get("/api/0/projects/{org}/{project}/keys/{keyId}/", h.projectKeys()::detail);
    routes.put("/api/0/projects/{org}/{project}/keys/{keyId}/", h.projectKeys()::update);
    routes.delete("/api/0/projects/{org}/{project}/keys/{keyId}/", h.projectKeys()::delete);

    routes.get("/api/0/api-tokens/", h.apiTokens()::list);
    routes.post("/api/0/api-tokens/", h.apiTokens()::create);
    routes.delete("/api/0/api-tokens/", h.apiTokens()::deleteByBody);
    routes.delete("/api/0/api-tokens/{tokenId}/", h.apiTokens()::deleteById);

    routes.get("/api/0/organizations/{org}/org-auth-tokens/", h.orgAuthTokens()::list);
    routes.post("/api/0/organizations/{org}/org-auth-tokens/", h.orgAuthTokens()::create);
    routes.get("/api/0/organizations/{org}/org-auth-tokens/{tokenId}/", h.orgAuthTokens()::detail);
    routes.put("/api/0/organizations/{org}/org-auth-tokens/{tokenId}/", h.orgAuthTokens()::update);
    routes.delete("/api/0/organizations/{org}/org-auth-tokens/{tokenId}/", h.orgAuthTokens()::delete);
    routes.get("/api/0/organizations/{org}/releases/", h.releaseList()::organization);
    routes.post("/api/0/organizations/{org}/releases/", h.releaseList()::create);
    routes.get("/api/0/projects/{org}/{project}/releases/", h.releaseList()::project);
    // {version} is read from the raw path by ReleaseRequests.pathVersion (a '+' stays a plus).
    routes.get("/api/0/organizations/{org}/releases/{version}/", h.releaseDetails()::get);
    routes.put("/api/0/organizations/{org}/releases/{version}/", h.releaseDetails()::put);
    routes.delete("/api/0/organizations/{org}/releases/{version}/", h.releaseDetails()::delete);
    routes.get("/api/0/organizations/{org}/releases/{version}/files/", h.releaseDetails()::files);
    routes.get("/api/0/organizations/{org}/releases/{version}/deploys/", h.deploys()::list);
    routes.post("/api/0/organizations/{org}/releases/{version}/deploys/", h.deploys()::create);
    routes.get("/api/0/organizations/{org}/chunk-upload/", h.chunkUpload()::options);
    routes.post("/api/0/organizations/{org}/chunk-upload/", h.chunkUpload()::upload);
    routes.post("/api/0/organizations/{org}/artifactbundle/assemble/", h.assemble()::handle);
    routes.get("/api/0/organizations/{org}/repos/", h.emptyList()::handle);
    routes.get("/api/0/organizations/{org}/monitors/", h.emptyList()::handle);
  }
}
