package racecourse.kernel.display;

/**
 * What {@code display(x)} returns: the id of what it showed, to replace it later with
 * {@code handle.update(y)}. A cell ending in {@code display(x)} shows x once, not the handle too.
 */
public record DisplayHandle(String id) {
    public void update(Object value) {
        Display.updateDisplay(id, value);
    }
}
