package racecourse.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;

/**
 * The snippet of a code region that holds the cursor. JShell completes and documents one snippet
 * at a time, so the region is cut at snippet boundaries first.
 */
record SnippetAt(String text, int start, int cursor) {

    static SnippetAt find(SourceCodeAnalysis sca, String code, int cursor) {
        int offset = 0;
        while (offset < cursor) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(code.substring(offset));
            if (!info.completeness().isComplete()) {
                break;
            }
            int end = code.length() - info.remaining().length();
            if (end >= cursor || end <= offset) {
                break;
            }
            offset = end;
        }
        return new SnippetAt(code.substring(offset), offset, cursor - offset);
    }
}
