package org.avgym.members.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.avgym.members.control.MemberTimeline;
import org.avgym.members.entity.Member;
import org.avgym.members.entity.TimelineEntry;

/**
 * A member's history of membership and credential changes: the one place pages and the API ask for
 * it. Today it is built from the dates the database keeps ({@link MemberTimeline}); an audit trail
 * of who changed what becomes a second source here, without callers changing.
 */
@Stateless
public class MemberHistory {

  @Inject Members members;

  private final MemberTimeline timeline = new MemberTimeline(ZoneId.systemDefault());

  public List<TimelineEntry> timeline(long memberId) {
    Member member = members.require(memberId);
    return timeline.of(
        member, members.memberships(memberId), members.credentials(memberId), Instant.now());
  }
}
