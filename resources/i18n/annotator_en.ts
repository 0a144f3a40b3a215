<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Welcome to annotator</source>
        <translation>Welcome to annotator</translation>
    </message>
    <message>
        <source>Your name (it is recorded with your edits):</source>
        <translation>Your name (it is recorded with your edits):</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>suggested</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>suggested</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Could not undo or redo: {error}</source>
        <translation>Could not undo or redo: {error}</translation>
    </message>
    <message>
        <source>Add {label}</source>
        <translation>Add {label}</translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation>Delete {label}</translation>
    </message>
    <message>
        <source>Relabel {old} as {new}</source>
        <translation>Relabel {old} as {new}</translation>
    </message>
    <message>
        <source>Resize {label}</source>
        <translation>Resize {label}</translation>
    </message>
    <message>
        <source>Accept {label}</source>
        <translation>Accept {label}</translation>
    </message>
    <message>
        <source>Reject {label}</source>
        <translation>Reject {label}</translation>
    </message>
    <message>
        <source>Mark {label} as suggested</source>
        <translation>Mark {label} as suggested</translation>
    </message>
    <message>
        <source>Accept {count} suggestions</source>
        <translation>Accept {count} suggestions</translation>
    </message>
    <message>
        <source>Mark document {status}</source>
        <translation>Mark document {status}</translation>
    </message>
    <message>
        <source>Clear {relation}</source>
        <translation>Clear {relation}</translation>
    </message>
    <message>
        <source>Set {relation}</source>
        <translation>Set {relation}</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>issuer</translation>
    </message>
    <message>
        <source>addressee</source>
        <translation>addressee</translation>
    </message>
    <message>
        <source>phrase</source>
        <translation>phrase</translation>
    </message>
</context>
<context>
    <name>CorpusErrors</name>
    <message>
        <source>The corpus file %1 does not exist.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>The corpus file %1 does not exist.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a corpus file.</source>
        <translation>%1 is a folder, not a corpus file.</translation>
    </message>
    <message>
        <source>The corpus %1 is locked by another program. Close it there and try again.</source>
        <translation>The corpus %1 is locked by another program. Close it there and try again.</translation>
    </message>
    <message>
        <source>%1 is not an annotator corpus, or it is damaged.</source>
        <translation>%1 is not an annotator corpus, or it is damaged.</translation>
    </message>
    <message>
        <source>%1 is not an annotator corpus: it is %2.</source>
        <translation>%1 is not an annotator corpus: it is %2.</translation>
    </message>
    <message>
        <source>%1 is an empty file, not an annotator corpus.</source>
        <translation>%1 is an empty file, not an annotator corpus.</translation>
    </message>
    <message>
        <source>The disk holding the corpus %1 is full: the change was not saved. Free some space and try again.</source>
        <translation>The disk holding the corpus %1 is full: the change was not saved. Free some space and try again.</translation>
    </message>
    <message>
        <source>The corpus %1 could not be read or written (disk error).</source>
        <translation>The corpus %1 could not be read or written (disk error).</translation>
    </message>
    <message>
        <source>This item was changed or deleted in another window or program; the document was reloaded from the corpus %1.</source>
        <translation>This item was changed or deleted in another window or program; the document was reloaded from the corpus %1.</translation>
    </message>
    <message>
        <source>The corpus %1 is being edited by another annotator (on %2, process %3, since %4). Close it there and try again.</source>
        <translation>The corpus %1 is being edited by another annotator (on %2, process %3, since %4). Close it there and try again.</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>a text file</translation>
    </message>
    <message>
        <source>a JSON file</source>
        <translation>a JSON file</translation>
    </message>
    <message>
        <source>a binary file</source>
        <translation>a binary file</translation>
    </message>
    <message>
        <source>a ZIP archive (or a .docx/.xlsx file)</source>
        <translation>a ZIP archive (or a .docx/.xlsx file)</translation>
    </message>
    <message>
        <source>a gzip-compressed file</source>
        <translation>a gzip-compressed file</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>a PDF document</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>a PNG image</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>a JPEG image</translation>
    </message>
    <message>
        <source>an SQLite database of another program</source>
        <translation>an SQLite database of another program</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>a named pipe (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>a device</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>a socket</translation>
    </message>
    <message>
        <source>The corpus %1 was written by a newer version of annotator. Update annotator to open it; the file was not changed.</source>
        <translation>The corpus %1 was written by a newer version of annotator. Update annotator to open it; the file was not changed.</translation>
    </message>
    <message>
        <source>The corpus %1 is read-only. Open a copy of it to make changes.</source>
        <translation>The corpus %1 is read-only. Open a copy of it to make changes.</translation>
    </message>
</context>
<context>
    <name>CorpusGuard</name>
    <message>
        <source>Another annotator is editing this corpus (on {host}, process {pid}, since {since}): it is open here read-only. Close it there, then reopen it here to edit.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Another annotator is editing this corpus (on {host}, process {pid}, since {since}): it is open here read-only. Close it there, then reopen it here to edit.</translation>
    </message>
    <message>
        <source>Another program is editing this corpus: it is open here read-only.</source>
        <translation>Another program is editing this corpus: it is open here read-only.</translation>
    </message>
    <message>
        <source>This corpus is damaged ({problem}): nothing more is written to it. Run annotator recover to rescue what can be read.</source>
        <translation>This corpus is damaged ({problem}): nothing more is written to it. Run annotator recover to rescue what can be read.</translation>
    </message>
    <message>
        <source>This corpus is on a read-only drive: you can read and search it, but not change it.</source>
        <translation>This corpus is on a read-only drive: you can read and search it, but not change it.</translation>
    </message>
    <message>
        <source>This corpus file is read-only: you can read and search it, but not change it.</source>
        <translation>This corpus file is read-only: you can read and search it, but not change it.</translation>
    </message>
    <message>
        <source>The folder of this corpus is read-only: you can read and search it, but not change it.</source>
        <translation>The folder of this corpus is read-only: you can read and search it, but not change it.</translation>
    </message>
    <message>
        <source>This corpus is read-only: you can read and search it, but not change it. Open a copy to make changes.</source>
        <translation>This corpus is read-only: you can read and search it, but not change it. Open a copy to make changes.</translation>
    </message>
    <message>
        <source>The corpus is damaged</source>
        <translation>The corpus is damaged</translation>
    </message>
    <message>
        <source>The corpus {path} is damaged ({problem}). Nothing more will be written to it; your earlier work is in its backups. Run annotator recover to rescue what can be read.</source>
        <translation>The corpus {path} is damaged ({problem}). Nothing more will be written to it; your earlier work is in its backups. Run annotator recover to rescue what can be read.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong: {error}. Your saved work is safe.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Something went wrong: {error}. Your saved work is safe.</translation>
    </message>
    <message>
        <source>A crash report was written to {path}.</source>
        <translation>A crash report was written to {path}.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
</context>
<context>
    <name>DirectivePanel</name>
    <message>
        <source>No directive in this document. Select a sentence and press the DIRECTIVE key to mark one.</source>
        <translation>No directive in this document. Select a sentence and press the DIRECTIVE key to mark one.</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation> (suggested)</translation>
    </message>
    <message>
        <source>Directive {n}</source>
        <translation>Directive {n}</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <source>Addressee:</source>
        <translation>Addressee:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Who gives the directive (key I on a selected entity)</source>
        <translation>Who gives the directive (key I on a selected entity)</translation>
    </message>
    <message>
        <source>Who must carry it out (key A on a selected entity)</source>
        <translation>Who must carry it out (key A on a selected entity)</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>(untitled #{id})</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>(untitled #{id})</translation>
    </message>
    <message>
        <source>reviewer: {name}</source>
        <translation>reviewer: {name}</translation>
    </message>
    <message>
        <source>spans (not rejected)</source>
        <translation>spans (not rejected)</translation>
    </message>
    <message>
        <source>suggestions still to review</source>
        <translation>suggestions still to review</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Spans (not rejected)</source>
        <translation>Spans (not rejected)</translation>
    </message>
    <message>
        <source>Suggestions still to review</source>
        <translation>Suggestions still to review</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>Search the articles…</source>
        <translation>Search the articles…</translation>
    </message>
    <message>
        <source>Full-text search over titles and texts (Ctrl+Shift+F); Enter opens the first hit, Down goes to the list</source>
        <translation>Full-text search over titles and texts (Ctrl+Shift+F); Enter opens the first hit, Down goes to the list</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Any label</translation>
    </message>
    <message>
        <source>Any reviewer</source>
        <translation>Any reviewer</translation>
    </message>
    <message>
        <source>Show documents with this status</source>
        <translation>Show documents with this status</translation>
    </message>
    <message>
        <source>Show documents that have a span with this label</source>
        <translation>Show documents that have a span with this label</translation>
    </message>
    <message>
        <source>Show documents of this reviewer</source>
        <translation>Show documents of this reviewer</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Plain text articles</source>
        <extracomment>the translations of the format registry&apos;s descriptions (lupdate reads these literals; tests/test_formats_peers.py checks that every registered format has one)</extracomment>
        <translation>Plain text articles</translation>
    </message>
    <message>
        <source>JSON lines (native, Prodigy, doccano, Label Studio or hf records)</source>
        <translation>JSON lines (native, Prodigy, doccano, Label Studio or hf records)</translation>
    </message>
    <message>
        <source>JSON array (native, Prodigy, doccano, Label Studio or hf records)</source>
        <translation>JSON array (native, Prodigy, doccano, Label Studio or hf records)</translation>
    </message>
    <message>
        <source>Annotator JSONL (everything, re-importable)</source>
        <translation>Annotator JSONL (everything, re-importable)</translation>
    </message>
    <message>
        <source>Prodigy JSONL</source>
        <translation>Prodigy JSONL</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <source>CoNLL (one token per line, BIO tags)</source>
        <translation>CoNLL (one token per line, BIO tags)</translation>
    </message>
    <message>
        <source>Hugging Face datasets (JSONL of tokens and tags)</source>
        <translation>Hugging Face datasets (JSONL of tokens and tags)</translation>
    </message>
    <message>
        <source>Directive sentences (JSONL)</source>
        <translation>Directive sentences (JSONL)</translation>
    </message>
    <message>
        <source>Label Studio JSON (tasks with annotations)</source>
        <translation>Label Studio JSON (tasks with annotations)</translation>
    </message>
    <message>
        <source>WebAnno / INCEpTION TSV 3.3</source>
        <translation>WebAnno / INCEpTION TSV 3.3</translation>
    </message>
    <message>
        <source>spaCy DocBin</source>
        <translation>spaCy DocBin</translation>
    </message>
    <message>
        <source>Words (underthesea segmentation)</source>
        <translation>Words (underthesea segmentation)</translation>
    </message>
    <message>
        <source>Syllables</source>
        <translation>Syllables</translation>
    </message>
    <message>
        <source>Choose at least one document status.</source>
        <translation>Choose at least one document status.</translation>
    </message>
    <message>
        <source>The split proportions add up to nothing.</source>
        <translation>The split proportions add up to nothing.</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Choose where to write the export.</translation>
    </message>
    <message>
        <source>Folder for the train, dev and test files</source>
        <translation>Folder for the train, dev and test files</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>&amp;Tokens:</translation>
    </message>
    <message>
        <source>Documents with status</source>
        <translation>Documents with status</translation>
    </message>
    <message>
        <source>Only documents I reviewed</source>
        <translation>Only documents I reviewed</translation>
    </message>
    <message>
        <source>&amp;Split into train, dev and test sets</source>
        <translation>&amp;Split into train, dev and test sets</translation>
    </message>
    <message>
        <source>Train:</source>
        <translation>Train:</translation>
    </message>
    <message>
        <source>Dev:</source>
        <translation>Dev:</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Test:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>The same seed gives the same split</source>
        <translation>The same seed gives the same split</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>Output &amp;folder:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>Output &amp;file:</translation>
    </message>
</context>
<context>
    <name>ExportOverwrite</name>
    <message>
        <source>Replace existing files?</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Replace existing files?</translation>
    </message>
    <message>
        <source>These files already exist and would be replaced:
{files}

Replace them?</source>
        <translation>These files already exist and would be replaced:
{files}

Replace them?</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>No match</source>
        <translation>No match</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} of {total}</translation>
    </message>
    <message>
        <source>Find in the article (accents optional): Enter selects, Down/Up for other matches</source>
        <translation>Find in the article (accents optional): Enter selects, Down/Up for other matches</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Corpora and native exports (*.db *.jsonl);;All files (*)</source>
        <translation>Corpora and native exports (*.db *.jsonl);;All files (*)</translation>
    </message>
    <message>
        <source>%1 is already running</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>%1 is already running</translation>
    </message>
    <message>
        <source>Documents imported: %1 (spans: %2, files: %3)</source>
        <translation>Documents imported: %1 (spans: %2, files: %3)</translation>
    </message>
    <message>
        <source>records merged into a document of the same text: %1</source>
        <translation>records merged into a document of the same text: %1</translation>
    </message>
    <message>
        <source>duplicates skipped: %1</source>
        <translation>duplicates skipped: %1</translation>
    </message>
    <message>
        <source>records rejected: %1</source>
        <translation>records rejected: %1</translation>
    </message>
    <message>
        <source>files that failed: %1</source>
        <translation>files that failed: %1</translation>
    </message>
    <message>
        <source>empty files: %1</source>
        <translation>empty files: %1</translation>
    </message>
    <message>
        <source>new labels: %1</source>
        <translation>new labels: %1</translation>
    </message>
    <message>
        <source>Documents exported: %1 (spans: %2)</source>
        <translation>Documents exported: %1 (spans: %2)</translation>
    </message>
    <message>
        <source>Import finished with problems</source>
        <translation>Import finished with problems</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Articles and annotations</source>
        <translation>Articles and annotations</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <source>Merged: %1 added, %2 taken, %3 conflicts, %4 skipped</source>
        <translation>Merged: %1 added, %2 taken, %3 conflicts, %4 skipped</translation>
    </message>
    <message>
        <source>suggestions added: %1</source>
        <translation>suggestions added: %1</translation>
    </message>
    <message>
        <source>entity F1 between reviewers on conflicts: %1</source>
        <translation>entity F1 between reviewers on conflicts: %1</translation>
    </message>
    <message>
        <source>sources that failed: %1</source>
        <translation>sources that failed: %1</translation>
    </message>
    <message>
        <source>replaced by theirs</source>
        <translation>replaced by theirs</translation>
    </message>
    <message>
        <source>kept ours</source>
        <translation>kept ours</translation>
    </message>
    <message>
        <source>%1 (%2 vs %3): entity F1 %4; %5</source>
        <translation>%1 (%2 vs %3): entity F1 %4; %5</translation>
    </message>
    <message>
        <source>Merge finished with problems</source>
        <translation>Merge finished with problems</translation>
    </message>
    <message>
        <source>Merge finished with conflicts</source>
        <translation>Merge finished with conflicts</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Merge reviewers&apos; work</source>
        <translation>Merge reviewers&apos; work</translation>
    </message>
    <message>
        <source>Pre-annotation finished: %1 documents</source>
        <translation>Pre-annotation finished: %1 documents</translation>
    </message>
    <message>
        <source>Pre-annotation</source>
        <translation>Pre-annotation</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Training finished</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message numerus="yes">
        <source>%1 cannot be deleted: %n span(s) use it. Relabel or delete them first, or rename the label.</source>
        <translation>
            <numerusform>%1 cannot be deleted: %n span uses it. Relabel or delete it first, or rename the label.</numerusform>
            <numerusform>%1 cannot be deleted: %n spans use it. Relabel or delete them first, or rename the label.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by %n span(s).</source>
        <translation>
            <numerusform>Used by %n span.</numerusform>
            <numerusform>Used by %n spans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They will be relabelled %1.</source>
        <translation>
            <numerusform>It will be relabelled %1.</numerusform>
            <numerusform>They will be relabelled %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) use this label: it cannot be deleted.</source>
        <translation>
            <numerusform>%n span uses this label: it cannot be deleted.</numerusform>
            <numerusform>%n spans use this label: it cannot be deleted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Phrase</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls Colours offered to a new label, first unused first (mid-tones: the highlighter tints them).</extracomment>
        <translation>Phrase</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>A label needs a name.</translation>
    </message>
    <message>
        <source>A label name cannot contain spaces; use _ or - instead.</source>
        <translation>A label name cannot contain spaces; use _ or - instead.</translation>
    </message>
    <message>
        <source>A label name can have at most %1 characters.</source>
        <translation>A label name can have at most %1 characters.</translation>
    </message>
    <message>
        <source>There is already a label called %1.</source>
        <translation>There is already a label called %1.</translation>
    </message>
    <message>
        <source>Pre-annotation and training use the built-in names PER, ORG, LOC, MISC and DIRECTIVE: their suggestions for %1 will carry a label the scheme no longer has.</source>
        <translation>Pre-annotation and training use the built-in names PER, ORG, LOC, MISC and DIRECTIVE: their suggestions for %1 will carry a label the scheme no longer has.</translation>
    </message>
    <message>
        <source>Label names are usually upper-case, like ORG: %1.</source>
        <translation>Label names are usually upper-case, like ORG: %1.</translation>
    </message>
    <message>
        <source>Key %1 now belongs to %2; %3 took its former key %4.</source>
        <translation>Key %1 now belongs to %2; %3 took its former key %4.</translation>
    </message>
    <message>
        <source>Key %1 now belongs to %2; %3 has no key now.</source>
        <translation>Key %1 now belongs to %2; %3 has no key now.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (new)</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (was %2)</translation>
    </message>
    <message>
        <source>Accepted %1 · suggested %2 · rejected %3</source>
        <translation>Accepted %1 · suggested %2 · rejected %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1 (now %2)</translation>
    </message>
    <message>
        <source>Change colour…</source>
        <translation>Change colour…</translation>
    </message>
    <message>
        <source>%1 — change…</source>
        <translation>%1 — change…</translation>
    </message>
    <message>
        <source>A new label: it is added when you press OK or Apply.</source>
        <translation>A new label: it is added when you press OK or Apply.</translation>
    </message>
    <message>
        <source>Renaming the label relabels them; it cannot be deleted while they exist.</source>
        <translation>Renaming the label relabels them; it cannot be deleted while they exist.</translation>
    </message>
    <message>
        <source>No span uses this label.</source>
        <translation>No span uses this label.</translation>
    </message>
    <message>
        <source>Delete the selected label.</source>
        <translation>Delete the selected label.</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Label colour</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>This corpus is read-only: the labels are shown but cannot be changed. Open a copy of the corpus to edit them.</source>
        <translation>This corpus is read-only: the labels are shown but cannot be changed. Open a copy of the corpus to edit them.</translation>
    </message>
    <message>
        <source>The labels of this corpus, in palette order. Changes are saved when you press OK or Apply; renaming a label relabels all its spans.</source>
        <translation>The labels of this corpus, in palette order. Changes are saved when you press OK or Apply; renaming a label relabels all its spans.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>Add a label, then type its name.</source>
        <translation>Add a label, then type its name.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Move the label up in the palette (and in the menus).</source>
        <translation>Move the label up in the palette (and in the menus).</translation>
    </message>
    <message>
        <source>Move the label down in the palette (and in the menus).</source>
        <translation>Move the label down in the palette (and in the menus).</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Selected label</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>K&amp;ind:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Colour:</translation>
    </message>
    <message>
        <source>Short&amp;cut key:</source>
        <translation>Short&amp;cut key:</translation>
    </message>
    <message>
        <source>For example ORG or PRODUCT</source>
        <translation>For example ORG or PRODUCT</translation>
    </message>
    <message>
        <source>Entities mark names in a sentence; directive labels mark whole sentences. Spans of the same kind cannot overlap.</source>
        <translation>Entities mark names in a sentence; directive labels mark whole sentences. Spans of the same kind cannot overlap.</translation>
    </message>
    <message>
        <source>The key that applies this label. A key another label has is swapped: that label takes this one&apos;s key.</source>
        <translation>The key that applies this label. A key another label has is swapped: that label takes this one&apos;s key.</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <source>Train &amp;now</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls how long one turn of the event loop may spend storing results extra ``train_from_corpus`` options for the background runs (e.g. ``no_seed``)</extracomment>
        <translation>Train &amp;now</translation>
    </message>
    <message>
        <source>Learn from the reviewed documents now, in the background</source>
        <translation>Learn from the reviewed documents now, in the background</translation>
    </message>
    <message>
        <source>&amp;Stop learning</source>
        <translation>&amp;Stop learning</translation>
    </message>
    <message>
        <source>Stop the training running in the background; the current model stays</source>
        <translation>Stop the training running in the background; the current model stays</translation>
    </message>
    <message>
        <source>Instant &amp;memory…</source>
        <translation>Instant &amp;memory…</translation>
    </message>
    <message>
        <source>Strings reviewers taught: suggested, or never suggested, everywhere</source>
        <translation>Strings reviewers taught: suggested, or never suggested, everywhere</translation>
    </message>
    <message>
        <source>Instant memory: {error}</source>
        <translation>Instant memory: {error}</translation>
    </message>
    <message>
        <source>Instant memory: “{text}” {label} updated in {n} documents</source>
        <translation>Instant memory: “{text}” {label} updated in {n} documents</translation>
    </message>
    <message>
        <source>Instant memory</source>
        <translation>Instant memory</translation>
    </message>
    <message>
        <source>One line per string: &apos;string | LABEL&apos; suggests it, &apos;!string | LABEL&apos; never suggests it. Also in {path}.</source>
        <translation>One line per string: &apos;string | LABEL&apos; suggests it, &apos;!string | LABEL&apos; never suggests it. Also in {path}.</translation>
    </message>
    <message>
        <source>the learning process stopped</source>
        <translation>the learning process stopped</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Training finished</translation>
    </message>
    <message>
        <source>Learning: a better model is active</source>
        <translation>Learning: a better model is active</translation>
    </message>
    <message>
        <source>Learning: the current model stays (the new one was not better)</source>
        <translation>Learning: the current model stays (the new one was not better)</translation>
    </message>
    <message>
        <source>Learning stopped: {error}</source>
        <translation>Learning stopped: {error}</translation>
    </message>
    <message>
        <source>Model {name}</source>
        <translation>Model {name}</translation>
    </message>
    <message>
        <source>Model {name}, F1 {f1}</source>
        <translation>Model {name}, F1 {f1}</translation>
    </message>
    <message>
        <source>learning… {done}/{total}</source>
        <translation>learning… {done}/{total}</translation>
    </message>
    <message>
        <source>refreshing suggestions… {done}/{total}</source>
        <translation>refreshing suggestions… {done}/{total}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>suggestion</translation>
    </message>
    <message>
        <source>directive</source>
        <translation>directive</translation>
    </message>
    <message>
        <source>Accepted spans are filled; suggestions still to review have a wavy underline; directive sentences sit on a pale band with a bar in the margin.</source>
        <translation>Accepted spans are filled; suggestions still to review have a wavy underline; directive sentences sit on a pale band with a bar in the margin.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls Each language named in itself (as annotator.gui.i18n.LANGUAGE_NAMES): not translated.</extracomment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Cannot open the corpus</source>
        <translation>Cannot open the corpus</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Opened {path}</translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation>Open corpus</translation>
    </message>
    <message>
        <source>Annotator corpus (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Annotator corpus (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>New corpus</source>
        <translation>New corpus</translation>
    </message>
    <message>
        <source>Annotator corpus (*.db)</source>
        <translation>Annotator corpus (*.db)</translation>
    </message>
    <message>
        <source>Cannot create the corpus</source>
        <translation>Cannot create the corpus</translation>
    </message>
    <message>
        <source>{path} already exists; use Open corpus to open it.</source>
        <translation>{path} already exists; use Open corpus to open it.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Your name (recorded with your edits):</source>
        <translation>Your name (recorded with your edits):</translation>
    </message>
    <message>
        <source>This is the last document.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls; these texts keep the window&apos;s context</extracomment>
        <translation>This is the last document.</translation>
    </message>
    <message>
        <source>This is the first document.</source>
        <translation>This is the first document.</translation>
    </message>
    <message>
        <source>All documents are done.</source>
        <translation>All documents are done.</translation>
    </message>
    <message>
        <source>Not done: {a} and {b} overlap; keep one (X rejects the selected one).</source>
        <translation>Not done: {a} and {b} overlap; keep one (X rejects the selected one).</translation>
    </message>
    <message>
        <source>Not done: directive {numbers} has no issuer. Select the issuer and press I (Document → Require an issuer turns this check off).</source>
        <translation>Not done: directive {numbers} has no issuer. Select the issuer and press I (Document → Require an issuer turns this check off).</translation>
    </message>
    <message>
        <source>Marked done; directive {numbers} of that document has no issuer.</source>
        <translation>Marked done; directive {numbers} of that document has no issuer.</translation>
    </message>
    <message>
        <source>Select some text or a span first.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls; these texts keep the window&apos;s context</extracomment>
        <translation>Select some text or a span first.</translation>
    </message>
    <message>
        <source>No suggestions left to review here: Ctrl+Return marks the document done.</source>
        <translation>No suggestions left to review here: Ctrl+Return marks the document done.</translation>
    </message>
    <message>
        <source>No suggestions left to review here.</source>
        <translation>No suggestions left to review here.</translation>
    </message>
    <message>
        <source>Accepted {n} suggestions.</source>
        <translation>Accepted {n} suggestions.</translation>
    </message>
    <message>
        <source>Select a span or some text first.</source>
        <translation>Select a span or some text first.</translation>
    </message>
    <message>
        <source>No directive here or after this text.</source>
        <translation>No directive here or after this text.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Import files</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>Import folder</translation>
    </message>
    <message>
        <source>Importing is not available here.</source>
        <translation>Importing is not available here.</translation>
    </message>
    <message>
        <source>About annotator</source>
        <translation>About annotator</translation>
    </message>
    <message>
        <source>&lt;b&gt;annotator {version}&lt;/b&gt;&lt;p&gt;Offline review of Vietnamese news: named entities (PER, ORG, LOC, MISC) and directive sentences, turned into training data.&lt;/p&gt;</source>
        <translation>&lt;b&gt;annotator {version}&lt;/b&gt;&lt;p&gt;Offline review of Vietnamese news: named entities (PER, ORG, LOC, MISC) and directive sentences, turned into training data.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>Reviewer: {name}</translation>
    </message>
    <message>
        <source>Document {x} of {n}</source>
        <translation>Document {x} of {n}</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} documents</translation>
    </message>
    <message>
        <source>Done {done} / {total}</source>
        <translation>Done {done} / {total}</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Model: {name}</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>rules</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>No document</translation>
    </message>
    <message>
        <source>Import articles with File → Import files… or drop files here.</source>
        <translation>Import articles with File → Import files… or drop files here.</translation>
    </message>
    <message>
        <source>(untitled #{id})</source>
        <translation>(untitled #{id})</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>annotator — {corpus}{ro} — {reviewer}</source>
        <translation>annotator — {corpus}{ro} — {reviewer}</translation>
    </message>
    <message>
        <source>Mark this document done (suggestions left standing count as accepted) and open the next unfinished one</source>
        <translation>Mark this document done (suggestions left standing count as accepted) and open the next unfinished one</translation>
    </message>
    <message>
        <source>Add, rename, recolour or reorder the labels and their keys</source>
        <translation>Add, rename, recolour or reorder the labels and their keys</translation>
    </message>
    <message>
        <source>Collect other reviewers&apos; corpus files or native exports into this corpus</source>
        <translation>Collect other reviewers&apos; corpus files or native exports into this corpus</translation>
    </message>
    <message>
        <source>Label the selection (or relabel the selected span) as {label} — key {key}</source>
        <translation>Label the selection (or relabel the selected span) as {label} — key {key}</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Import files…</translation>
    </message>
    <message>
        <source>Merging is not available here.</source>
        <translation>Merging is not available here.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directives</source>
        <translation>
            <numerusform>%n directive</numerusform>
            <numerusform>%n directives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions to review</source>
        <translation>
            <numerusform>%n suggestion to review</numerusform>
            <numerusform>%n suggestions to review</numerusform>
        </translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Import &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Open corpus…</source>
        <translation>&amp;Open corpus…</translation>
    </message>
    <message>
        <source>&amp;New corpus…</source>
        <translation>&amp;New corpus…</translation>
    </message>
    <message>
        <source>Change &amp;reviewer…</source>
        <translation>Change &amp;reviewer…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Accept &amp;all remaining suggestions</source>
        <translation>Accept &amp;all remaining suggestions</translation>
    </message>
    <message>
        <source>Accept the selected suggestion and select the next one still to review</source>
        <translation>Accept the selected suggestion and select the next one still to review</translation>
    </message>
    <message>
        <source>Rejecting a directive rejects only the sentence: the entities inside it stay to be reviewed and come next</source>
        <translation>Rejecting a directive rejects only the sentence: the entities inside it stay to be reviewed and come next</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;Delete span</translation>
    </message>
    <message>
        <source>Next suggestion to &amp;review</source>
        <translation>Next suggestion to &amp;review</translation>
    </message>
    <message>
        <source>Previous suggestion to re&amp;view</source>
        <translation>Previous suggestion to re&amp;view</translation>
    </message>
    <message>
        <source>&amp;Next span</source>
        <translation>&amp;Next span</translation>
    </message>
    <message>
        <source>&amp;Previous span</source>
        <translation>&amp;Previous span</translation>
    </message>
    <message>
        <source>Deselect span</source>
        <translation>Deselect span</translation>
    </message>
    <message>
        <source>Grow end by one syllable</source>
        <translation>Grow end by one syllable</translation>
    </message>
    <message>
        <source>Shrink end by one syllable</source>
        <translation>Shrink end by one syllable</translation>
    </message>
    <message>
        <source>Grow start by one syllable</source>
        <translation>Grow start by one syllable</translation>
    </message>
    <message>
        <source>Shrink start by one syllable</source>
        <translation>Shrink start by one syllable</translation>
    </message>
    <message>
        <source>Set as directive &amp;issuer</source>
        <translation>Set as directive &amp;issuer</translation>
    </message>
    <message>
        <source>The selected span or text becomes the issuer of the directive it is in, or of the next directive</source>
        <translation>The selected span or text becomes the issuer of the directive it is in, or of the next directive</translation>
    </message>
    <message>
        <source>Set as directive a&amp;ddressee</source>
        <translation>Set as directive a&amp;ddressee</translation>
    </message>
    <message>
        <source>The selected span or text (any phrase, such as “các sở, ngành”) becomes the addressee of the directive it is in, or of the next directive</source>
        <translation>The selected span or text (any phrase, such as “các sở, ngành”) becomes the addressee of the directive it is in, or of the next directive</translation>
    </message>
    <message>
        <source>Mark &amp;done and go to next</source>
        <translation>Mark &amp;done and go to next</translation>
    </message>
    <message>
        <source>&amp;Skip document</source>
        <translation>&amp;Skip document</translation>
    </message>
    <message>
        <source>Ne&amp;xt document</source>
        <translation>Ne&amp;xt document</translation>
    </message>
    <message>
        <source>Pre&amp;vious document</source>
        <translation>Pre&amp;vious document</translation>
    </message>
    <message>
        <source>Next &amp;unfinished document</source>
        <translation>Next &amp;unfinished document</translation>
    </message>
    <message>
        <source>Least &amp;certain first</source>
        <translation>Least &amp;certain first</translation>
    </message>
    <message>
        <source>After Done or Skip, open the unfinished document the model is least sure about instead of the next in corpus order</source>
        <translation>After Done or Skip, open the unfinished document the model is least sure about instead of the next in corpus order</translation>
    </message>
    <message>
        <source>Require an &amp;issuer for each directive</source>
        <translation>Require an &amp;issuer for each directive</translation>
    </message>
    <message>
        <source>Mark done refuses a document while a directive has no issuer</source>
        <translation>Mark done refuses a document while a directive has no issuer</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
    <message>
        <source>Go to document list</source>
        <translation>Go to document list</translation>
    </message>
    <message>
        <source>Go to article</source>
        <translation>Go to article</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <source>Snap to &amp;words</source>
        <translation>Snap to &amp;words</translation>
    </message>
    <message>
        <source>Show &amp;rejected spans</source>
        <translation>Show &amp;rejected spans</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>&amp;Normal size</translation>
    </message>
    <message>
        <source>&amp;Pre-annotate</source>
        <translation>&amp;Pre-annotate</translation>
    </message>
    <message>
        <source>Pre-annotate &amp;imported documents</source>
        <translation>Pre-annotate &amp;imported documents</translation>
    </message>
    <message>
        <source>Documents imported from the window get suggestions at once</source>
        <translation>Documents imported from the window get suggestions at once</translation>
    </message>
    <message>
        <source>&amp;Train model</source>
        <translation>&amp;Train model</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Labels…</translation>
    </message>
    <message>
        <source>&amp;Merge reviewers&apos; work…</source>
        <translation>&amp;Merge reviewers&apos; work…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About annotator</source>
        <translation>&amp;About annotator</translation>
    </message>
    <message>
        <source>New spans snap to whole words (underthesea word segmentation) instead of syllables</source>
        <translation>New spans snap to whole words (underthesea word segmentation) instead of syllables</translation>
    </message>
    <message>
        <source>Accept every suggestion still to review in this document</source>
        <translation>Accept every suggestion still to review in this document</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menus in menu-bar order: (id, title, items); None is a separator; &quot;undo&quot;/&quot;redo&quot; are the undo stack&apos;s own actions; a string starting with &quot;menu:&quot; is a submenu the window fills itself.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Span</source>
        <translation>&amp;Span</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Label</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>&amp;Find in article…</translation>
    </message>
    <message>
        <source>Find text in the article (accents optional) and select it to label</source>
        <translation>Find text in the article (accents optional) and select it to label</translation>
    </message>
    <message>
        <source>&amp;Accept and go to next suggestion</source>
        <translation>&amp;Accept and go to next suggestion</translation>
    </message>
    <message>
        <source>&amp;Reject and go to next suggestion</source>
        <translation>&amp;Reject and go to next suggestion</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panels</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>Reviewer</source>
        <extracomment>Where a span came from; an origin like &quot;model:crf-2024&quot; is shown by its first part.</extracomment>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>Gazetteer</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>This corpus is read-only; changes are not possible.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>This corpus is read-only; changes are not possible.</translation>
    </message>
    <message>
        <source>Could not save the change: {error}</source>
        <translation>Could not save the change: {error}</translation>
    </message>
    <message>
        <source>The selection holds no word to label.</source>
        <translation>The selection holds no word to label.</translation>
    </message>
    <message>
        <source>Replaced {spans}, which overlapped (Ctrl+Z brings it back).</source>
        <translation>Replaced {spans}, which overlapped (Ctrl+Z brings it back).</translation>
    </message>
    <message>
        <source>No suggestions left in this document.</source>
        <translation>No suggestions left in this document.</translation>
    </message>
    <message>
        <source>Set {relation}</source>
        <translation>Set {relation}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reviewing.&lt;/b&gt; A document opens on its first suggestion: Enter accepts it and X rejects it, and both go on to the next suggestion still to review, so each suggestion costs one key. N / P go to the next / previous suggestion, Tab / Shift+Tab to every span; a label key relabels the selected span, Del removes it. Rejecting a directive leaves the entities inside it to review: they come next.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Labelling.&lt;/b&gt; Ctrl+F or / finds words in the article as you type, accents optional; Enter selects the match. Shift+Left / Shift+Right extend a selection by a syllable. A label key (1–9) labels it, snapped to whole syllables (or words, View → Snap to words). A new or grown span replaces an overlapping span of its kind, and the status bar names it (Ctrl+Z brings it back).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resizing&lt;/b&gt; the selected span by one syllable: Alt+Shift+Right / Alt+Shift+Left move its &lt;i&gt;end&lt;/i&gt; later / earlier (grow / shrink); Alt+Shift+Up / Alt+Shift+Down move its &lt;i&gt;start&lt;/i&gt; earlier / later (grow / shrink).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Directives.&lt;/b&gt; I / A make the selected span, or any selected words (“các sở, ngành”), the issuer / addressee of the directive it is in, else of the next directive. F6 moves through the panes up to the directive cards (Tab and arrows inside a card). Ctrl+Return names the directives still without an issuer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Reviewing.&lt;/b&gt; A document opens on its first suggestion: Enter accepts it and X rejects it, and both go on to the next suggestion still to review, so each suggestion costs one key. N / P go to the next / previous suggestion, Tab / Shift+Tab to every span; a label key relabels the selected span, Del removes it. Rejecting a directive leaves the entities inside it to review: they come next.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Labelling.&lt;/b&gt; Ctrl+F or / finds words in the article as you type, accents optional; Enter selects the match. Shift+Left / Shift+Right extend a selection by a syllable. A label key (1–9) labels it, snapped to whole syllables (or words, View → Snap to words). A new or grown span replaces an overlapping span of its kind, and the status bar names it (Ctrl+Z brings it back).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resizing&lt;/b&gt; the selected span by one syllable: Alt+Shift+Right / Alt+Shift+Left move its &lt;i&gt;end&lt;/i&gt; later / earlier (grow / shrink); Alt+Shift+Up / Alt+Shift+Down move its &lt;i&gt;start&lt;/i&gt; earlier / later (grow / shrink).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Directives.&lt;/b&gt; I / A make the selected span, or any selected words (“các sở, ngành”), the issuer / addressee of the directive it is in, else of the next directive. F6 moves through the panes up to the directive cards (Tab and arrows inside a card). Ctrl+Return names the directives still without an issuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Text</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Text</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>SpanListPanel</name>
    <message>
        <source>{accepted} accepted · {suggested} to review · {rejected} rejected</source>
        <translation>{accepted} accepted · {suggested} to review · {rejected} rejected</translation>
    </message>
</context>
<context>
    <name>SpanState</name>
    <message>
        <source>Suggested</source>
        <extracomment>Span states (context &quot;SpanState&quot;).</extracomment>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Documents by status</source>
        <translation>Documents by status</translation>
    </message>
    <message>
        <source>Spans by state</source>
        <translation>Spans by state</translation>
    </message>
    <message>
        <source>Spans by label (not rejected)</source>
        <translation>Spans by label (not rejected)</translation>
    </message>
    <message>
        <source>Spans by origin</source>
        <translation>Spans by origin</translation>
    </message>
    <message>
        <source>Documents finished per day</source>
        <translation>Documents finished per day</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>Documents done</source>
        <translation>Documents done</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Nothing yet</translation>
    </message>
    <message>
        <source>Cannot read the corpus: %1</source>
        <translation>Cannot read the corpus: %1</translation>
    </message>
    <message>
        <source>%1 documents, %2 done (%3%); %4 hours of review.</source>
        <translation>%1 documents, %2 done (%3%); %4 hours of review.</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop this task; what is already finished is kept</source>
        <translation>Stop this task; what is already finished is kept</translation>
    </message>
    <message>
        <source>%1 (cancelling…)</source>
        <translation>%1 (cancelling…)</translation>
    </message>
    <message>
        <source>%1 (waiting…)</source>
        <translation>%1 (waiting…)</translation>
    </message>
    <message>
        <source>%1: finished</source>
        <translation>%1: finished</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 failed</translation>
    </message>
    <message>
        <source>%1: cancelled; finished work was kept</source>
        <translation>%1: cancelled; finished work was kept</translation>
    </message>
</context>
</TS>
