package racecourse.server.store;

/** Who a request comes from: a student of the roster or the instructor. */
public record Principal(String id, String name, Role role) {
    public enum Role { STUDENT, INSTRUCTOR }

    /** The instructor's id; '@' cannot start a roster id the service accepts, so no student takes it. */
    public static final String INSTRUCTOR_ID = "@instructor";

    public boolean instructor() {
        return role == Role.INSTRUCTOR;
    }
}
