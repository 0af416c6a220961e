package dev.picket.http.api;

import dev.picket.http.BadRequest;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentry's list pagination as its GenericOffsetPaginator does it: cursors {@code 0:<offset>:<is_prev>},
 * {@code per_page}/{@code limit} up to 100, and the {@code Link} header with the previous and the
 * next link, each with {@code results} and {@code cursor}, built on the configured base URL with
 * the other query parameters kept ({@code ?&cursor=} when there are none).
 */
public final class Pagination {
  /** Where a page starts and how long it is. */
  record Page(int offset, int limit) {}

  private final String baseUrl;

  public Pagination(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  Page page(Context ctx) {
    return new Page(offset(ctx.queryParam("cursor")), limit(ctx));
  }

  private static int limit(Context ctx) {
    String raw = ctx.queryParam("per_page") != null ? ctx.queryParam("per_page") : ctx.queryParam("limit");
    if (raw == null) {
      return 100;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new BadRequest("Invalid per_page parameter.");
    }
    if (limit > 100) {
      throw new BadRequest("Invalid per_page value. Cannot exceed 100.");
    }
    if (limit < 1) {
      throw new BadRequest("Invalid per_page parameter.");
    }
    return limit;
  }

  private static int offset(String cursor) {
    if (cursor == null || cursor.isEmpty()) {
      return 0;
    }
    String[] parts = cursor.split(":", -1);
    try {
      if (parts.length != 3) {
        throw new NumberFormatException();
      }
      Double.parseDouble(parts[0]);
      Integer.parseInt(parts[2]);
      return Math.max(0, Integer.parseInt(parts[1]));
    } catch (NumberFormatException e) {
      throw new BadRequest("Invalid cursor parameter.");
    }
  }

  /** The requested page of a list held in memory, with the {@code Link} header set. */
  <T> List<T> slice(Context ctx, List<T> all) {
    Page page = page(ctx);
    int from = Math.min(page.offset(), all.size());
    int to = Math.min(all.size(), from + page.limit());
    link(ctx, page, to < all.size());
    return all.subList(from, to);
  }

  /** Sets the {@code Link} header for the page just served. */
  void link(Context ctx, Page page, boolean hasMore) {
    String previous = "0:" + Math.max(0, page.offset() - page.limit()) + ":1";
    String next = "0:" + (page.offset() + page.limit()) + ":0";
    ctx.header("Link", link(ctx, previous, "previous", page.offset() > 0)
        + ", " + link(ctx, next, "next", hasMore));
  }

  private String link(Context ctx, String cursor, String rel, boolean results) {
    return "<" + baseUrl + ctx.path() + "?" + otherParams(ctx.queryString()) + "&cursor=" + cursor + ">; rel=\""
        + rel + "\"; results=\"" + results + "\"; cursor=\"" + cursor + "\"";
  }

  private static String otherParams(String query) {
    List<String> kept = new ArrayList<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("cursor=") && !pair.equals("cursor")) {
          kept.add(pair);
        }
      }
    }
    return String.join("&", kept);
  }
}
