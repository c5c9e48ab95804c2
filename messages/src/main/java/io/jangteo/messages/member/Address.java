package io.jangteo.messages.member;

/**
 * A delivery address. Korean addresses ({@code country = "KR"}): five-digit {@code postcode}, {@code line1} the road
 * address (도로명주소), {@code line2} the detail (상세주소); {@code city} and {@code region} unused. Overseas: ISO 3166-1
 * alpha-2 {@code country}, {@code line1}/{@code line2} street lines, {@code city}, {@code region} (state/province) and
 * {@code postcode} as that country writes them. {@code recipient} and {@code phone} are who receives the parcel.
 * Shape only here; the Member aggregate validates.
 */
public record Address(String label, String recipient, String phone, String country, String postcode,
                      String line1, String line2, String city, String region) {

    public static final String KOREA = "KR";

    public static Address korean(String label, String recipient, String phone, String postcode, String roadAddress,
                                 String detail) {
        return new Address(label, recipient, phone, KOREA, postcode, roadAddress, detail, null, null);
    }

    public boolean isKorean() {
        return KOREA.equals(country);
    }
}
