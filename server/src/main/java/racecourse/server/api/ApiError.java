package racecourse.server.api;

/** Every refused request's body: a stable code a program can test and one line a person can act on. */
public record ApiError(String error, String message) {
}
