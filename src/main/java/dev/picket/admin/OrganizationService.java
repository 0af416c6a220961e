package dev.picket.admin;

import dev.picket.auth.Principal;
import dev.picket.model.Member;
import dev.picket.model.NotFound;
import dev.picket.model.Organization;
import dev.picket.model.Role;
import dev.picket.model.User;
import dev.picket.storage.AuthStore;
import dev.picket.storage.Conflict;
import dev.picket.storage.ProjectStore;
import java.util.List;
import java.util.Optional;

/**
 * Organizations and their members for the web API, with Sentry's rules: organizations are created
 * by superusers (self-hosted Sentry's single-organization default), nobody grants a role above
 * their own, and an organization keeps at least one owner. Callers have passed the gates.
 */
public final class OrganizationService {
  private final ProjectStore projects;
  private final AuthStore auth;
  private final AdminService admin;

  public OrganizationService(ProjectStore projects, AuthStore auth, AdminService admin) {
    this.projects = projects;
    this.auth = auth;
    this.admin = admin;
  }

  /** The organizations the requester belongs to; an API key sees only its own. Oldest first. */
  public List<Organization> organizationsOf(Principal principal) {
    List<Long> ids = principal.apiKeyOrganizationId() != null
        ? List.of(principal.apiKeyOrganizationId()) : auth.organizationIdsOf(principal.userId());
    return ids.stream().map(projects::findOrganization).flatMap(Optional::stream).toList();
  }

  /** Creates an organization with the requester as its owner. */
  public Organization create(Principal principal, String name, String slug) {
    if (principal.userId() == null || !principal.superuser()) {
      throw Refused.forbidden("Organizations are not allowed to be created by this user.");
    }
    String wanted = slug(name, slug);
    try {
      Organization org = admin.createOrganization(wanted, name == null ? wanted : name);
      auth.setMember(org.id(), principal.userId(), Role.OWNER);
      return org;
    } catch (Conflict e) {
      throw Refused.conflict("An organization with this slug already exists.");
    }
  }

  public Organization update(Organization org, String name, String slug) {
    String newSlug = slug == null ? org.slug() : checked(slug);
    String newName = name == null ? org.name() : name;
    if (newName.isBlank()) {
      throw new Refused(400, "name", "This field may not be blank.");
    }
    try {
      projects.updateOrganization(org.id(), newSlug, newName);
    } catch (Conflict e) {
      throw new Refused(409, "slug", "The slug \"" + newSlug + "\" is already in use.");
    }
    return projects.findOrganization(org.id()).orElseThrow();
  }

  /** The requester's role: superusers and the organization's API keys count as owners. */
  public Role roleOf(Principal principal, long organizationId) {
    if (principal.apiKeyOrganizationId() != null || principal.superuser()) {
      return Role.OWNER;
    }
    return auth.role(organizationId, principal.userId()).orElse(Role.MEMBER);
  }

  public List<Member> members(Organization org) {
    return auth.members(org.id());
  }

  /** The member by id, or the requester's own membership for {@code me}. */
  public Member member(Principal principal, Organization org, String memberId) {
    Optional<Member> found;
    if ("me".equals(memberId) && principal.userId() != null) {
      found = auth.members(org.id()).stream().filter(m -> m.userId() == principal.userId()).findFirst();
    } else {
      found = parseId(memberId).flatMap(id -> auth.findMember(org.id(), id));
    }
    return found.orElseThrow(NotFound::resource);
  }

  /** Adds an existing user (Picket sends no invitations) with a role at most the requester's. */
  public Member add(Principal principal, Organization org, String email, String roleName) {
    Role role = role(roleName == null ? "member" : roleName);
    if (role.compareTo(roleOf(principal, org.id())) > 0) {
      throw new Refused(403, "role", "You do not have permission to invite that role.");
    }
    if (email == null || email.isBlank()) {
      throw new Refused(400, "email", "This field is required.");
    }
    User user = auth.findUser(email)
        .orElseThrow(() -> new Refused(400, "email", "There is no user with this email; Picket adds existing users only."));
    if (auth.role(org.id(), user.id()).isPresent()) {
      throw new Refused(409, "email", "The user " + email + " is already a member");
    }
    auth.setMember(org.id(), user.id(), role);
    return member(org, user.id());
  }

  public Member changeRole(Principal principal, Organization org, Member member, String roleName) {
    if (roleName == null) {
      return member;
    }
    Role role = role(roleName);
    Role own = roleOf(principal, org.id());
    if (role.compareTo(own) > 0 || member.role().compareTo(own) > 0) {
      throw Refused.forbidden("You do not have permission to assign the given role.");
    }
    if (member.role() == Role.OWNER && role != Role.OWNER) {
      requireAnotherOwner(org, "You cannot demote the last owner of an organization.");
    }
    auth.setMember(org.id(), member.userId(), role);
    return member(org, member.userId());
  }

  public void remove(Principal principal, Organization org, Member member) {
    if (member.role().compareTo(roleOf(principal, org.id())) > 0) {
      throw Refused.forbidden("You cannot remove a member who has more access than you.");
    }
    if (member.role() == Role.OWNER) {
      requireAnotherOwner(org, "You cannot remove the only remaining owner of the organization.");
    }
    auth.removeMember(member.id());
  }

  private void requireAnotherOwner(Organization org, String refusal) {
    if (auth.members(org.id()).stream().filter(m -> m.role() == Role.OWNER).count() < 2) {
      throw Refused.forbidden(refusal);
    }
  }

  private Member member(Organization org, long userId) {
    return auth.members(org.id()).stream().filter(m -> m.userId() == userId).findFirst().orElseThrow();
  }

  private static Role role(String name) {
    return Role.parse(name).orElseThrow(() -> new Refused(400, "role", "Invalid role"));
  }

  static String slug(String name, String slug) {
    if (slug != null) {
      return checked(slug);
    }
    if (name == null || name.isBlank()) {
      throw new Refused(400, "name", "This field is required.");
    }
    return checked(Slugs.from(name));
  }

  static String checked(String slug) {
    try {
      Slugs.check(slug);
      return slug;
    } catch (IllegalArgumentException e) {
      throw new Refused(400, "slug", "Enter a valid slug consisting of lowercase letters, numbers, underscores or"
          + " hyphens. It cannot be entirely numeric.");
    }
  }

  static Optional<Long> parseId(String id) {
    if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(id));
  }
}
