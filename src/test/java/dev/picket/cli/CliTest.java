package dev.picket.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.auth.Secrets;
import dev.picket.protocol.Dsn;
import dev.picket.storage.Storage;
import dev.picket.storage.sqlite.SqliteStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI against a real SQLite folder: results on stdout, exit codes 0/1/2. */
class CliTest {
  @TempDir Path dir;

  record Run(int exit, List<String> out, String err) {
    String lastLine() {
      return out.get(out.size() - 1);
    }
  }

  Run run(String... args) {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    var cli = PicketCommand.commandLine();
    cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data-dir";
      all[args.length + 1] = dir.toString();
      int exit = cli.execute(all);
      return new Run(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
    }
  }

  @Test
  void projectCreate_printsAWorkingDsnAsTheLastLine() {
    assertThat(run("org", "create", "--slug", "acme").exit()).isZero();
    Run project = run("project", "create", "--org", "acme", "--slug", "web");
    assertThat(project.exit()).isZero();
    Dsn dsn = Dsn.parse(project.lastLine()).orElseThrow();
    try (Storage storage = SqliteStorage.open(dir)) {
      var key = storage.projects().findKey(dsn.publicKey()).orElseThrow();
      assertThat(key.projectId()).isEqualTo(dsn.projectId());
    }
  }

  @Test
  void createuserAndTokenCreate_giveAStoredHashedToken() {
    assertThat(run("createuser", "--email", "ada@example.com", "--password", "pw", "--superuser").exit()).isZero();
    Run token = run("token", "create", "--user", "ada@example.com", "--scopes", "project:read,event:read");
    assertThat(token.exit()).isZero();
    assertThat(token.lastLine()).matches("sntryu_[0-9a-f]{64}");
    try (Storage storage = SqliteStorage.open(dir)) {
      var stored = storage.auth().findToken(Secrets.sha256(token.lastLine())).orElseThrow();
      assertThat(stored.scopes()).containsExactlyInAnyOrder("project:read", "event:read");
      var org = storage.projects().findOrganization("sentry").orElseThrow();
      assertThat(storage.auth().role(org.id(), stored.userId())).hasValueSatisfying(
          role -> assertThat(role.wireName()).isEqualTo("owner"));
    }
  }

  @Test
  void orgtokenCreate_printsAStoredTokenEmbeddingTheUrlAsTheLastLine() throws Exception {
    run("org", "create", "--slug", "acme");
    Run token = run("orgtoken", "create", "--org", "acme", "--url", "https://errors.example.com/tracker");
    assertThat(token.exit()).as(token.err()).isZero();
    assertThat(token.lastLine()).matches("sntrys_[A-Za-z0-9+/]+_[A-Za-z0-9+/]{43}");
    String payload = token.lastLine().split("_")[1];
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getDecoder().decode(payload));
    assertThat(json.get("url").asText()).isEqualTo("https://errors.example.com/tracker");
    assertThat(json.get("org").asText()).isEqualTo("acme");
    try (Storage storage = SqliteStorage.open(dir)) {
      var stored = storage.auth().findOrgToken(Secrets.sha256(token.lastLine())).orElseThrow();
      assertThat(stored.name()).isEqualTo("CLI token");
      assertThat(stored.scopes()).containsExactlyInAnyOrder("org:ci", "project:releases");
    }
    assertThat(run("orgtoken", "create", "--org", "nope").exit()).isEqualTo(1);
  }

  @Test
  void apikeyCreateAndMemberAdd_work() {
    run("org", "create", "--slug", "acme");
    run("createuser", "--email", "bob@example.com", "--password", "pw");
    Run key = run("apikey", "create", "--org", "acme", "--scopes", "project:read");
    assertThat(key.exit()).isZero();
    assertThat(key.lastLine()).matches("[0-9a-f]{32}");
    assertThat(run("member", "add", "--org", "acme", "--user", "bob@example.com", "--role", "admin").exit()).isZero();
  }

  @Test
  void errors_exitWithOneAndSayWhyOnStderr() {
    assertThat(run("org", "create", "--slug", "acme").exit()).isZero();
    Run duplicate = run("org", "create", "--slug", "acme");
    assertThat(duplicate.exit()).isEqualTo(1);
    assertThat(duplicate.err()).contains("error:");
    assertThat(run("token", "create", "--user", "nobody@example.com", "--scopes", "project:read").exit()).isEqualTo(1);
    assertThat(run("token", "create", "--user", "x@example.com", "--scopes", "no:such").exit()).isEqualTo(1);
  }

  @Test
  void usageErrors_exitWithTwo() {
    assertThat(run("org", "create").exit()).isEqualTo(2);
    assertThat(run("no-such-command").exit()).isEqualTo(2);
  }
}
