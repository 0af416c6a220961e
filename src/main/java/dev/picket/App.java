package dev.picket;

import dev.picket.admin.AdminService;
import dev.picket.admin.OrganizationService;
import dev.picket.admin.ProjectService;
import dev.picket.auth.Access;
import dev.picket.auth.ApiAuthenticator;
import dev.picket.auth.IssueGate;
import dev.picket.auth.ProjectGate;
import dev.picket.config.Config;
import dev.picket.config.Limits;
import dev.picket.grouping.Grouper;
import dev.picket.http.ClientAddress;
import dev.picket.http.HealthHandler;
import dev.picket.http.HttpServer;
import dev.picket.http.Routes;
import dev.picket.http.api.ApiRateLimiter;
import dev.picket.http.api.EventAttachmentsHandler;
import dev.picket.http.api.EnvironmentsHandler;
import dev.picket.http.api.ApiTokensHandler;
import dev.picket.http.api.AssembleHandler;
import dev.picket.http.api.ChunkUploadHandler;
import dev.picket.http.api.DeployHandler;
import dev.picket.http.api.EmptyListHandler;
import dev.picket.http.api.EventDetailsHandler;
import dev.picket.http.api.GroupingInfoHandler;
import dev.picket.http.api.IndexHandler;
import dev.picket.http.api.IssueBulkHandler;
import dev.picket.http.api.IssueDetailsHandler;
import dev.picket.http.api.IssueEventsHandler;
import dev.picket.http.api.IssueListHandler;
import dev.picket.http.api.IssueTagsHandler;
import dev.picket.http.api.OpenApiHandler;
import dev.picket.http.api.OrgAuthTokensHandler;
import dev.picket.http.api.Pagination;
import dev.picket.http.api.MembersHandler;
import dev.picket.http.api.OrganizationsHandler;
import dev.picket.http.api.ProjectsHandler;
import dev.picket.http.api.TeamsHandler;
import dev.picket.http.api.ProjectKeysHandler;
import dev.picket.http.api.ReleaseDetailsHandler;
import dev.picket.http.api.ReleaseListHandler;
import dev.picket.http.api.Requester;
import dev.picket.http.api.UserFeedbackHandler;
import dev.picket.http.ingest.IngestHandler;
import dev.picket.http.ingest.SecurityReportHandler;
import dev.picket.ingest.IngestService;
import dev.picket.issues.IssueService;
import dev.picket.ingest.Quotas;
import dev.picket.ingest.RequestReader;
import dev.picket.ingest.UserReports;
import dev.picket.ingest.Writer;
import dev.picket.normalize.Normalizer;
import dev.picket.protocol.BodyDecoder;
import dev.picket.releases.ArtifactBundles;
import dev.picket.storage.Conflict;
import dev.picket.storage.Storage;
import dev.picket.storage.postgres.PostgresStorage;
import dev.picket.storage.sqlite.SqliteStorage;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: opens storage, builds the services and the HTTP server, by hand, top to
 * bottom. {@link #close()} stops in the safe order: drain the writer while HTTP still answers, stop
 * HTTP, close storage.
 */
public final class App implements AutoCloseable {
  private final Storage storage;
  private final Writer writer;
  private final HttpServer server;
  private final AdminService admin;
  private String defaultDsn;

  private App(Config config, Storage storage) {
    this.storage = storage;
    Clock clock = Clock.systemUTC();
    this.admin = new AdminService(storage.projects(), storage.auth(), config.baseUrl());
    Limits limits = config.limits();
    this.writer = new Writer(storage.events(), limits.writerQueue(), limits.writerBatch());
    BodyDecoder decoder = new BodyDecoder(limits.maxRequestBytes(), limits.maxDecodedBytes());
    Quotas quotas = new Quotas(storage.quotas(), limits.projectEventsPerMinute(),
        limits.organizationEventsPerMinute(), clock);
    RequestReader reader = new RequestReader(storage.projects(), decoder, quotas, limits.maxEventBytes(),
        limits.maxAttachmentBytes());
    Grouper grouper = new Grouper();
    IngestService ingest = new IngestService(reader, new Normalizer(), grouper, writer, clock);
    Requester requester = new Requester(new ApiAuthenticator(storage.auth(), clock));
    Access access = new Access(storage.auth());
    ProjectGate gate = new ProjectGate(storage.projects(), access);
    IssueGate issueGate = new IssueGate(storage.projects(), storage.issues(), access);
    IssueService issues = new IssueService(storage.issues(), storage.events());
    Pagination pagination = new Pagination(config.baseUrl());
    ClientAddress clientAddress = new ClientAddress(config.trustedProxies());
    OrganizationService organizations = new OrganizationService(storage.projects(), storage.auth(), admin);
    ProjectService projectService = new ProjectService(storage.projects());
    ArtifactBundles bundles = new ArtifactBundles(storage.artifacts(), clock);
    ReleaseDetailsHandler releaseDetails = ReleaseDetailsHandler.create(requester, issueGate, storage.projects(),
        storage.releases(), storage.artifacts());
    this.server = new HttpServer(config.port(), new Routes.Handlers(
        new HealthHandler(storage),
        new ApiRateLimiter(limits.apiRequestsPerSecond(), clock),
        new IngestHandler(ingest, clientAddress),
        new SecurityReportHandler(ingest, clientAddress),
        new IndexHandler(requester, storage.auth()),
        new EventDetailsHandler(requester, gate, storage.events(), storage.items()),
        new GroupingInfoHandler(requester, gate, storage.events(), grouper),
        new ProjectsHandler(requester, access, issueGate, gate, organizations, projectService,
            storage.projects(), pagination),
        new IssueListHandler(requester, gate, issueGate, storage.projects(), issues, pagination, clock),
        new IssueBulkHandler(requester, gate, storage.issues(), issues, clock),
        new IssueDetailsHandler(requester, issueGate, storage.issues(), issues, clock),
        new IssueEventsHandler(requester, issueGate, gate, storage.events(), storage.items(), pagination),
        new IssueTagsHandler(requester, issueGate, storage.issues(), storage.events(), pagination),
        new EventAttachmentsHandler(requester, gate, storage.events(), storage.items()),
        new UserFeedbackHandler(requester, gate, storage.events(), storage.items(),
            new UserReports(writer, storage.items(), clock), pagination),
        new OrganizationsHandler(requester, access, issueGate, organizations, projectService,
            storage.projects(), pagination),
        new MembersHandler(requester, access, issueGate, organizations, pagination),
        new TeamsHandler(requester, issueGate, gate, projectService, storage.projects(), pagination),
        new EnvironmentsHandler(requester, gate, projectService, pagination),
        new ProjectKeysHandler(requester, gate, storage.projects(), pagination, config.baseUrl()),
        new ApiTokensHandler(requester, storage.auth(), admin),
        new OrgAuthTokensHandler(requester, access, storage.projects(), storage.auth(), admin),
        new ReleaseListHandler(requester, issueGate, gate, storage.projects(), storage.releases(), pagination, clock),
        releaseDetails,
        new DeployHandler(releaseDetails, storage.releases(), clock),
        new ChunkUploadHandler(requester, issueGate, bundles, config.baseUrl(), HttpServer.MAX_REQUEST_BYTES),
        new AssembleHandler(requester, issueGate, bundles),
        new EmptyListHandler(requester, issueGate),
        new OpenApiHandler()));
  }

  /** Opens the storage named by the config (migrating it) and starts serving. */
  public static App start(Config config) {
    Storage storage = openStorage(config);
    try {
      App app = new App(config, storage);
      app.defaultDsn = ensureDefaults(app.admin);
      app.server.start();
      return app;
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /**
   * Creates Sentry self-hosted's defaults on an empty database and returns the default project's
   * DSN. Several nodes may start at once on one empty PostgreSQL: the loser of a creation race gets
   * a {@link Conflict}, or finds the winner's project before the winner has added its key (no
   * active key yet); it waits a moment and reads the winner's rows. Bounded: a project left
   * without a key for good still fails the start, after about two seconds.
   */
  private static String ensureDefaults(AdminService admin) {
    for (int attempt = 1; ; attempt++) {
      try {
        return admin.dsn(admin.ensureDefaults());
      } catch (Conflict | IllegalStateException e) {
        if (attempt >= 20) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The storage the config names: PostgreSQL with DATABASE_URL, else SQLite in the data folder. */
  public static Storage openStorage(Config config) {
    return config.databaseUrl() == null
        ? SqliteStorage.open(config.dataDir())
        : PostgresStorage.open(config.databaseUrl());
  }

  public int port() {
    return server.port();
  }

  /** Every HTTP route as {@code "METHOD /path"}. */
  public List<String> routes() {
    return server.routes();
  }

  public Storage storage() {
    return storage;
  }

  /** The DSN of the default project (organization sentry, project internal). */
  public String defaultDsn() {
    return defaultDsn;
  }

  public AdminService admin() {
    return admin;
  }

  /**
   * Stops without lying to a client. The writer goes first: it refuses new events (503 with
   * Retry-After), commits what it accepted and completes those requests' futures, which writes
   * their 200s while the HTTP server is still fully up. Only then does the HTTP server stop: Javalin
   * stops Jetty without a grace period, which cuts requests still in flight (answered with Jetty's
   * own 500 page, or an empty 200, for events the writer then commits).
   */
  @Override
  public void close() {
    writer.close();
    server.close();
    storage.close();
  }
}
