package io.jangteo.messages.shipping;

import java.util.List;

/**
 * Which Korean postcodes count as Jeju and as remote islands (도서산간). Jeju is fixed by the postal service
 * (63000–63644); the remote-island list is configuration, because carriers' lists differ and change.
 */
public record RemoteAreas(List<PostcodeRange> jeju, List<PostcodeRange> remoteIslands) {
    public static final PostcodeRange JEJU = new PostcodeRange(63000, 63644);

    public RemoteAreas {
        jeju = List.copyOf(jeju);
        remoteIslands = List.copyOf(remoteIslands);
    }

    /**
     * Jeju and a starting list of island postcodes carriers commonly surcharge (Ongjin and Ganghwa islands, Ulleung,
     * Shinan, Wando and Jindo islands, Tongyeong and Geoje islands...). Operators replace the island list in
     * configuration ({@code jangteo.shipping.remote-islands}).
     */
    public static RemoteAreas defaults() {
        return new RemoteAreas(List.of(JEJU), List.of(
                new PostcodeRange(22386, 22388), new PostcodeRange(23004, 23010), new PostcodeRange(23100, 23136),
                new PostcodeRange(40200, 40240), new PostcodeRange(52570, 52571), new PostcodeRange(53031, 53033),
                new PostcodeRange(53089, 53104), new PostcodeRange(54000, 54000), new PostcodeRange(56347, 56349),
                new PostcodeRange(57068, 57069), new PostcodeRange(58760, 58762), new PostcodeRange(58800, 58810),
                new PostcodeRange(58816, 58818), new PostcodeRange(58826, 58866), new PostcodeRange(58953, 58958),
                new PostcodeRange(59102, 59103), new PostcodeRange(59127, 59166), new PostcodeRange(59421, 59421),
                new PostcodeRange(59531, 59531), new PostcodeRange(59551, 59551), new PostcodeRange(59563, 59568),
                new PostcodeRange(59650, 59650), new PostcodeRange(59766, 59766), new PostcodeRange(59781, 59790)));
    }
}
