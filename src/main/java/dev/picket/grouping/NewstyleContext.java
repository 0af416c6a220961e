package dev.picket.grouping;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the newstyle strategies need besides the component being built. */
record NewstyleContext(ObjectNode event, String platform, Enhancements enhancements) {}
