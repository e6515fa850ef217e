package io.github.cloudfrontsigned.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns AWS SDK exceptions into short messages that name the AWS error code. Thread safety: stateless. */
final class AwsErrors {

    private AwsErrors() {}

    /**
     * @param what what was asked for, for example {@code AWS Secrets Manager secret "cloudfront/key"}
     * @return {@code AccessDeniedException (HTTP 400): User ... is not authorized ...; check the IAM policy ...}
     */
    static String describe(String what, SdkException e) {
        if (e instanceof AwsServiceException) {
            AwsServiceException s = (AwsServiceException) e;
            String code =
                    s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
            String message = s.awsErrorDetails() == null
                    ? s.getMessage()
                    : s.awsErrorDetails().errorMessage();
            return (code == null ? "error" : code) + " (HTTP " + s.statusCode() + ")"
                    + (message == null ? "" : ": " + message) + hint(code, what);
        }
        if (e instanceof SdkClientException) {
            return "AWS could not be reached or answered unreadably (" + e.getMessage() + "); check the network path,"
                    + " the region and any endpoint override";
        }
        return String.valueOf(e.getMessage());
    }

    private static String hint(String code, String what) {
        if (code == null) {
            return "";
        }
        switch (code) {
            case "AccessDeniedException":
                return "; grant the application's IAM role access to " + what + " (README: IAM policy)";
            case "ThrottlingException":
            case "TooManyRequestsException":
                return "; the service is throttling this account, fewer calls or a raised quota help";
            case "ResourceNotFoundException":
            case "ParameterNotFound":
            case "NotFoundException":
                return "; check the name, the region and the account";
            default:
                return "";
        }
    }
}
