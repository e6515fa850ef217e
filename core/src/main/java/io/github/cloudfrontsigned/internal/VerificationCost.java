package io.github.cloudfrontsigned.internal;

/**
 * The work one {@code CloudFrontVerifier.verify(ViewerRequest)} call does, counted as it happens, and the bounds
 * that keep it small for any input: at most {@value #MAX_SIGNATURE_CHECKS} public-key operations in all (the
 * request's own signature check included, so diagnosis adds at most {@value #MAX_SIGNATURE_CHECKS} minus one),
 * and at most {@value #DIAGNOSIS_BUDGET} characters of URL variants built, hashed or matched while looking for the
 * cause of a denial. When diagnosis hits a bound it stops and the verdict says its explanation was cut short
 * ({@code Verdict.isExplanationCutShort()}).
 *
 * <p>{@link #steps()} counts the rest of the work in characters (parsing, wildcard matching, diagnosis) so tests
 * can assert that it grows at most linearly with the input. One instance per call; not thread-safe.
 */
public final class VerificationCost {

    /** Public-key operations (verifications, RSA digest recoveries) per verification, the first included. */
    public static final int MAX_SIGNATURE_CHECKS = 8;
    /** Characters of URL variants diagnosis may build and test, whatever the input's length. */
    public static final int DIAGNOSIS_BUDGET = 1 << 15;

    private int signatureChecks;
    private long steps;
    private long diagnosis;
    private boolean cutShort;

    /**
     * Counts one public-key operation if the bound allows it.
     *
     * @return {@code false} (and marks the explanation cut short) when the bound is reached
     */
    public boolean signatureCheck() {
        if (signatureChecks >= MAX_SIGNATURE_CHECKS) {
            cutShort = true;
            return false;
        }
        signatureChecks++;
        return true;
    }

    /**
     * Spends diagnosis budget on building or testing a URL variant of {@code characters} characters.
     *
     * @return {@code false} (and marks the explanation cut short) when the budget cannot cover it
     */
    public boolean diagnose(long characters) {
        if (diagnosis + characters > DIAGNOSIS_BUDGET) {
            cutShort = true;
            return false;
        }
        diagnosis += characters;
        steps += characters;
        return true;
    }

    /** Counts work that is linear in what it reads: parsing, matching. */
    public void step(long characters) {
        steps += characters;
    }

    /** @return whether diagnosis stopped at a bound before it had tried everything */
    public boolean cutShort() {
        return cutShort;
    }

    /** @return whether a bound was reached: no more signature checks or diagnosis budget */
    public boolean exhausted() {
        return cutShort;
    }

    public int signatureChecks() {
        return signatureChecks;
    }

    public long steps() {
        return steps;
    }

    public long diagnosisCharacters() {
        return diagnosis;
    }

    /** The sentence a verdict's reason ends with when diagnosis was cut short. */
    public static String cutShortNote() {
        return "\n(explanation cut short: the verifier stops looking for the cause after " + MAX_SIGNATURE_CHECKS
                + " signature checks or " + DIAGNOSIS_BUDGET + " characters of URL variants, so a request cannot"
                + " make it work without bound; the cause may be one not named here)";
    }
}
