package dev.picket.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.http.Json;
import dev.picket.model.Project;

/** A project in the API's shape (the fields Picket has so far). */
final class ProjectJson {
  private ProjectJson() {}

  static ObjectNode of(Project project) {
    return Json.object()
        .put("id", String.valueOf(project.id()))
        .put("slug", project.slug())
        .put("name", project.name())
        .put("groupingConfig", project.groupingConfig())
        .put("dateCreated", ApiDates.millis(project.dateCreated()));
  }
}
