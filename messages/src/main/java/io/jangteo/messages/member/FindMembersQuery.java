package io.jangteo.messages.member;

/**
 * Members in registration order, narrowed by {@code filter}. Answers a {@link MemberPage}; {@code after} is a cursor a
 * previous page handed out.
 */
public record FindMembersQuery(MemberFilter filter, int first, String after) {
    public static final int MAX_PAGE_SIZE = 100;

    public FindMembersQuery {
        filter = filter == null ? MemberFilter.none() : filter;
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 0 and " + MAX_PAGE_SIZE);
        }
    }
}
