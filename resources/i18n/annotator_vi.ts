<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Welcome to annotator</source>
        <translation>Chào mừng đến với annotator</translation>
    </message>
    <message>
        <source>Your name (it is recorded with your edits):</source>
        <translation>Tên của bạn (được ghi kèm các chỉnh sửa của bạn):</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>suggested</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>gợi ý</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>đã từ chối</translation>
    </message>
    <message>
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>đang duyệt</translation>
    </message>
    <message>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <source>Could not undo or redo: {error}</source>
        <translation>Không thể hoàn tác hoặc làm lại: {error}</translation>
    </message>
    <message>
        <source>Add {label}</source>
        <translation>Thêm {label}</translation>
    </message>
    <message>
        <source>Delete {label}</source>
        <translation>Xóa {label}</translation>
    </message>
    <message>
        <source>Relabel {old} as {new}</source>
        <translation>Đổi nhãn {old} thành {new}</translation>
    </message>
    <message>
        <source>Resize {label}</source>
        <translation>Đổi độ dài {label}</translation>
    </message>
    <message>
        <source>Accept {label}</source>
        <translation>Chấp nhận {label}</translation>
    </message>
    <message>
        <source>Reject {label}</source>
        <translation>Từ chối {label}</translation>
    </message>
    <message>
        <source>Mark {label} as suggested</source>
        <translation>Đưa {label} về gợi ý</translation>
    </message>
    <message>
        <source>Accept {count} suggestions</source>
        <translation>Chấp nhận {count} gợi ý</translation>
    </message>
    <message>
        <source>Mark document {status}</source>
        <translation>Đánh dấu bài là {status}</translation>
    </message>
    <message>
        <source>Clear {relation}</source>
        <translation>Bỏ {relation}</translation>
    </message>
    <message>
        <source>Set {relation}</source>
        <translation>Đặt {relation}</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>chủ thể chỉ đạo</translation>
    </message>
    <message>
        <source>addressee</source>
        <translation>đối tượng thực hiện</translation>
    </message>
    <message>
        <source>phrase</source>
        <translation>cụm từ</translation>
    </message>
</context>
<context>
    <name>CorpusErrors</name>
    <message>
        <source>The corpus file %1 does not exist.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Tệp kho ngữ liệu %1 không tồn tại.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a corpus file.</source>
        <translation>%1 là một thư mục, không phải tệp kho ngữ liệu.</translation>
    </message>
    <message>
        <source>The corpus %1 is locked by another program. Close it there and try again.</source>
        <translation>Kho ngữ liệu %1 đang bị một chương trình khác khóa. Hãy đóng nó ở đó rồi thử lại.</translation>
    </message>
    <message>
        <source>%1 is not an annotator corpus, or it is damaged.</source>
        <translation>%1 không phải kho ngữ liệu của annotator, hoặc tệp đã bị hỏng.</translation>
    </message>
    <message>
        <source>%1 is not an annotator corpus: it is %2.</source>
        <translation>%1 không phải là kho ngữ liệu của annotator: đó là %2.</translation>
    </message>
    <message>
        <source>%1 is an empty file, not an annotator corpus.</source>
        <translation>%1 là một tệp rỗng, không phải kho ngữ liệu của annotator.</translation>
    </message>
    <message>
        <source>The disk holding the corpus %1 is full: the change was not saved. Free some space and try again.</source>
        <translation>Ổ đĩa chứa kho ngữ liệu %1 đã đầy: thay đổi chưa được lưu. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>The corpus %1 could not be read or written (disk error).</source>
        <translation>Không đọc hoặc ghi được kho ngữ liệu %1 (lỗi ổ đĩa).</translation>
    </message>
    <message>
        <source>This item was changed or deleted in another window or program; the document was reloaded from the corpus %1.</source>
        <translation>Mục này đã bị sửa hoặc xóa ở một cửa sổ hay chương trình khác; văn bản đã được tải lại từ kho ngữ liệu %1.</translation>
    </message>
    <message>
        <source>The corpus %1 is being edited by another annotator (on %2, process %3, since %4). Close it there and try again.</source>
        <translation>Kho ngữ liệu %1 đang được một annotator khác chỉnh sửa (trên máy %2, tiến trình %3, từ %4). Hãy đóng nó ở đó rồi thử lại.</translation>
    </message>
    <message>
        <source>a text file</source>
        <translation>một tệp văn bản</translation>
    </message>
    <message>
        <source>a JSON file</source>
        <translation>một tệp JSON</translation>
    </message>
    <message>
        <source>a binary file</source>
        <translation>một tệp nhị phân</translation>
    </message>
    <message>
        <source>a ZIP archive (or a .docx/.xlsx file)</source>
        <translation>một tệp nén ZIP (hoặc tệp .docx/.xlsx)</translation>
    </message>
    <message>
        <source>a gzip-compressed file</source>
        <translation>một tệp nén gzip</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>một tài liệu PDF</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>một ảnh PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>một ảnh JPEG</translation>
    </message>
    <message>
        <source>an SQLite database of another program</source>
        <translation>một cơ sở dữ liệu SQLite của chương trình khác</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>một đường ống có tên (FIFO)</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>một thiết bị</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>một socket</translation>
    </message>
    <message>
        <source>The corpus %1 was written by a newer version of annotator. Update annotator to open it; the file was not changed.</source>
        <translation>Kho ngữ liệu %1 được ghi bởi phiên bản annotator mới hơn. Hãy cập nhật annotator để mở; tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>The corpus %1 is read-only. Open a copy of it to make changes.</source>
        <translation>Kho ngữ liệu %1 chỉ đọc. Hãy mở một bản sao để chỉnh sửa.</translation>
    </message>
</context>
<context>
    <name>CorpusGuard</name>
    <message>
        <source>Another annotator is editing this corpus (on {host}, process {pid}, since {since}): it is open here read-only. Close it there, then reopen it here to edit.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Một annotator khác đang chỉnh sửa kho ngữ liệu này (trên máy {host}, tiến trình {pid}, từ {since}): ở đây nó được mở chỉ để đọc. Hãy đóng nó ở đó, rồi mở lại ở đây để chỉnh sửa.</translation>
    </message>
    <message>
        <source>Another program is editing this corpus: it is open here read-only.</source>
        <translation>Một chương trình khác đang chỉnh sửa kho ngữ liệu này: ở đây nó được mở chỉ để đọc.</translation>
    </message>
    <message>
        <source>This corpus is damaged ({problem}): nothing more is written to it. Run annotator recover to rescue what can be read.</source>
        <translation>Kho ngữ liệu này bị hỏng ({problem}): không ghi thêm gì vào đó nữa. Chạy annotator recover để cứu những gì còn đọc được.</translation>
    </message>
    <message>
        <source>This corpus is on a read-only drive: you can read and search it, but not change it.</source>
        <translation>Kho ngữ liệu này nằm trên ổ chỉ đọc: bạn có thể đọc và tìm kiếm nhưng không thể thay đổi.</translation>
    </message>
    <message>
        <source>This corpus file is read-only: you can read and search it, but not change it.</source>
        <translation>Tệp kho ngữ liệu này chỉ đọc: bạn có thể đọc và tìm kiếm nhưng không thể thay đổi.</translation>
    </message>
    <message>
        <source>The folder of this corpus is read-only: you can read and search it, but not change it.</source>
        <translation>Thư mục của kho ngữ liệu này chỉ đọc: bạn có thể đọc và tìm kiếm nhưng không thể thay đổi.</translation>
    </message>
    <message>
        <source>This corpus is read-only: you can read and search it, but not change it. Open a copy to make changes.</source>
        <translation>Kho ngữ liệu này chỉ đọc: bạn có thể đọc và tìm kiếm nhưng không thể thay đổi. Hãy mở một bản sao để chỉnh sửa.</translation>
    </message>
    <message>
        <source>The corpus is damaged</source>
        <translation>Kho ngữ liệu bị hỏng</translation>
    </message>
    <message>
        <source>The corpus {path} is damaged ({problem}). Nothing more will be written to it; your earlier work is in its backups. Run annotator recover to rescue what can be read.</source>
        <translation>Kho ngữ liệu {path} bị hỏng ({problem}). Sẽ không ghi thêm gì vào đó nữa; công việc trước đây của bạn nằm trong các bản sao lưu. Chạy annotator recover để cứu những gì còn đọc được.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong: {error}. Your saved work is safe.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Đã xảy ra lỗi: {error}. Công việc đã lưu của bạn vẫn an toàn.</translation>
    </message>
    <message>
        <source>A crash report was written to {path}.</source>
        <translation>Báo cáo lỗi đã được ghi vào {path}.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
</context>
<context>
    <name>DirectivePanel</name>
    <message>
        <source>No directive in this document. Select a sentence and press the DIRECTIVE key to mark one.</source>
        <translation>Bài này chưa có câu chỉ đạo nào. Chọn một câu rồi nhấn phím của nhãn DIRECTIVE để đánh dấu.</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation> (gợi ý)</translation>
    </message>
    <message>
        <source>Directive {n}</source>
        <translation>Chỉ đạo {n}</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Chủ thể chỉ đạo:</translation>
    </message>
    <message>
        <source>Addressee:</source>
        <translation>Đối tượng thực hiện:</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— chưa có —</translation>
    </message>
    <message>
        <source>Who gives the directive (key I on a selected entity)</source>
        <translation>Ai ra chỉ đạo (phím I trên thực thể đang chọn)</translation>
    </message>
    <message>
        <source>Who must carry it out (key A on a selected entity)</source>
        <translation>Ai phải thực hiện (phím A trên thực thể đang chọn)</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>(untitled #{id})</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>(chưa có tiêu đề #{id})</translation>
    </message>
    <message>
        <source>reviewer: {name}</source>
        <translation>người duyệt: {name}</translation>
    </message>
    <message>
        <source>spans (not rejected)</source>
        <translation>đoạn (không tính đoạn bị từ chối)</translation>
    </message>
    <message>
        <source>suggestions still to review</source>
        <translation>gợi ý còn chờ duyệt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Spans (not rejected)</source>
        <translation>Đoạn (không tính đoạn bị từ chối)</translation>
    </message>
    <message>
        <source>Suggestions still to review</source>
        <translation>Gợi ý còn chờ duyệt</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>Search the articles…</source>
        <translation>Tìm trong các bài…</translation>
    </message>
    <message>
        <source>Full-text search over titles and texts (Ctrl+Shift+F); Enter opens the first hit, Down goes to the list</source>
        <translation>Tìm toàn văn trong tiêu đề và nội dung (Ctrl+Shift+F); Enter mở kết quả đầu tiên, phím Xuống đi tới danh sách</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Chưa xong</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang duyệt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>Mọi nhãn</translation>
    </message>
    <message>
        <source>Any reviewer</source>
        <translation>Mọi người duyệt</translation>
    </message>
    <message>
        <source>Show documents with this status</source>
        <translation>Hiện các bài có trạng thái này</translation>
    </message>
    <message>
        <source>Show documents that have a span with this label</source>
        <translation>Hiện các bài có đoạn mang nhãn này</translation>
    </message>
    <message>
        <source>Show documents of this reviewer</source>
        <translation>Hiện các bài của người duyệt này</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Plain text articles</source>
        <extracomment>the translations of the format registry&apos;s descriptions (lupdate reads these literals; tests/test_formats_peers.py checks that every registered format has one)</extracomment>
        <translation>Bài viết dạng văn bản thuần</translation>
    </message>
    <message>
        <source>JSON lines (native, Prodigy, doccano, Label Studio or hf records)</source>
        <translation>JSON lines (bản ghi native, Prodigy, doccano, Label Studio hoặc hf)</translation>
    </message>
    <message>
        <source>JSON array (native, Prodigy, doccano, Label Studio or hf records)</source>
        <translation>Mảng JSON (bản ghi native, Prodigy, doccano, Label Studio hoặc hf)</translation>
    </message>
    <message>
        <source>Annotator JSONL (everything, re-importable)</source>
        <translation>JSONL của Annotator (đầy đủ, nhập lại được)</translation>
    </message>
    <message>
        <source>Prodigy JSONL</source>
        <translation>JSONL cho Prodigy</translation>
    </message>
    <message>
        <source>doccano JSONL</source>
        <translation>JSONL cho doccano</translation>
    </message>
    <message>
        <source>CoNLL (one token per line, BIO tags)</source>
        <translation>CoNLL (mỗi dòng một token, nhãn BIO)</translation>
    </message>
    <message>
        <source>Hugging Face datasets (JSONL of tokens and tags)</source>
        <translation>Hugging Face datasets (JSONL gồm token và nhãn)</translation>
    </message>
    <message>
        <source>Directive sentences (JSONL)</source>
        <translation>Câu chỉ đạo (JSONL)</translation>
    </message>
    <message>
        <source>Label Studio JSON (tasks with annotations)</source>
        <translation>Label Studio JSON (tác vụ kèm nhãn)</translation>
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
        <translation>Từ (tách từ bằng underthesea)</translation>
    </message>
    <message>
        <source>Syllables</source>
        <translation>Âm tiết</translation>
    </message>
    <message>
        <source>Choose at least one document status.</source>
        <translation>Hãy chọn ít nhất một trạng thái bài.</translation>
    </message>
    <message>
        <source>The split proportions add up to nothing.</source>
        <translation>Tổng các tỉ lệ chia đang bằng 0.</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>Hãy chọn nơi ghi dữ liệu xuất.</translation>
    </message>
    <message>
        <source>Folder for the train, dev and test files</source>
        <translation>Thư mục cho các tệp huấn luyện, phát triển và kiểm tra</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Xuất ra</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <source>&amp;Tokens:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Documents with status</source>
        <translation>Bài có trạng thái</translation>
    </message>
    <message>
        <source>Only documents I reviewed</source>
        <translation>Chỉ các bài tôi đã duyệt</translation>
    </message>
    <message>
        <source>&amp;Split into train, dev and test sets</source>
        <translation>&amp;Chia thành tập huấn luyện, phát triển và kiểm tra</translation>
    </message>
    <message>
        <source>Train:</source>
        <translation>Huấn luyện:</translation>
    </message>
    <message>
        <source>Dev:</source>
        <translation>Phát triển:</translation>
    </message>
    <message>
        <source>Test:</source>
        <translation>Kiểm tra:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Hạt giống ngẫu nhiên:</translation>
    </message>
    <message>
        <source>The same seed gives the same split</source>
        <translation>Cùng hạt giống thì cùng cách chia</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Chọn &amp;nơi lưu…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>Output &amp;folder:</source>
        <translation>&amp;Thư mục xuất:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>Tệp &amp;xuất:</translation>
    </message>
</context>
<context>
    <name>ExportOverwrite</name>
    <message>
        <source>Replace existing files?</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Thay thế các tệp đã có?</translation>
    </message>
    <message>
        <source>These files already exist and would be replaced:
{files}

Replace them?</source>
        <translation>Các tệp này đã tồn tại và sẽ bị thay thế:
{files}

Thay thế chúng?</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>No match</source>
        <translation>Không thấy</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} / {total}</translation>
    </message>
    <message>
        <source>Find in the article (accents optional): Enter selects, Down/Up for other matches</source>
        <translation>Tìm trong bài (không cần dấu): Enter để chọn, Xuống/Lên để sang kết quả khác</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Corpora and native exports (*.db *.jsonl);;All files (*)</source>
        <translation>Kho ngữ liệu và tệp xuất gốc (*.db *.jsonl);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>%1 is already running</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>%1 đang chạy</translation>
    </message>
    <message>
        <source>Documents imported: %1 (spans: %2, files: %3)</source>
        <translation>Số bài đã nhập: %1 (đoạn: %2, tệp: %3)</translation>
    </message>
    <message>
        <source>records merged into a document of the same text: %1</source>
        <translation>bản ghi được gộp vào văn bản trùng nội dung: %1</translation>
    </message>
    <message>
        <source>duplicates skipped: %1</source>
        <translation>bỏ qua vì trùng: %1</translation>
    </message>
    <message>
        <source>records rejected: %1</source>
        <translation>bản ghi bị từ chối: %1</translation>
    </message>
    <message>
        <source>files that failed: %1</source>
        <translation>tệp bị lỗi: %1</translation>
    </message>
    <message>
        <source>empty files: %1</source>
        <translation>tệp rỗng: %1</translation>
    </message>
    <message>
        <source>new labels: %1</source>
        <translation>nhãn mới: %1</translation>
    </message>
    <message>
        <source>Documents exported: %1 (spans: %2)</source>
        <translation>Số bài đã xuất: %1 (đoạn: %2)</translation>
    </message>
    <message>
        <source>Import finished with problems</source>
        <translation>Đã nhập xong nhưng có vấn đề</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Articles and annotations</source>
        <translation>Bài viết và nhãn</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Mọi tệp</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Nhập một thư mục</translation>
    </message>
    <message>
        <source>Merged: %1 added, %2 taken, %3 conflicts, %4 skipped</source>
        <translation>Đã gộp: thêm %1, nhận %2, xung đột %3, bỏ qua %4</translation>
    </message>
    <message>
        <source>suggestions added: %1</source>
        <translation>gợi ý đã thêm: %1</translation>
    </message>
    <message>
        <source>entity F1 between reviewers on conflicts: %1</source>
        <translation>F1 thực thể giữa các người duyệt trên các xung đột: %1</translation>
    </message>
    <message>
        <source>sources that failed: %1</source>
        <translation>nguồn bị lỗi: %1</translation>
    </message>
    <message>
        <source>replaced by theirs</source>
        <translation>thay bằng bản của họ</translation>
    </message>
    <message>
        <source>kept ours</source>
        <translation>giữ bản của mình</translation>
    </message>
    <message>
        <source>%1 (%2 vs %3): entity F1 %4; %5</source>
        <translation>%1 (%2 và %3): F1 thực thể %4; %5</translation>
    </message>
    <message>
        <source>Merge finished with problems</source>
        <translation>Gộp xong nhưng có lỗi</translation>
    </message>
    <message>
        <source>Merge finished with conflicts</source>
        <translation>Gộp xong, có xung đột</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Merge reviewers&apos; work</source>
        <translation>Gộp kết quả của người duyệt</translation>
    </message>
    <message>
        <source>Pre-annotation finished: %1 documents</source>
        <translation>Gán nhãn trước xong: %1 bài</translation>
    </message>
    <message>
        <source>Pre-annotation</source>
        <translation>Gán nhãn trước</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Huấn luyện xong</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Huấn luyện</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
</context>
<context>
    <name>LabelsDialog</name>
    <message numerus="yes">
        <source>%1 cannot be deleted: %n span(s) use it. Relabel or delete them first, or rename the label.</source>
        <translation>
            <numerusform>Không thể xóa %1: có %n đoạn đang dùng nhãn này. Hãy gán lại nhãn hoặc xóa các đoạn đó trước, hoặc đổi tên nhãn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Used by %n span(s).</source>
        <translation>
            <numerusform>Có %n đoạn dùng nhãn này.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>They will be relabelled %1.</source>
        <translation>
            <numerusform>Chúng sẽ được gán lại nhãn %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) use this label: it cannot be deleted.</source>
        <translation>
            <numerusform>Có %n đoạn dùng nhãn này: không thể xóa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Phrase</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls Colours offered to a new label, first unused first (mid-tones: the highlighter tints them).</extracomment>
        <translation>Cụm từ</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Chỉ đạo</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Thực thể</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>Nhãn cần có tên.</translation>
    </message>
    <message>
        <source>A label name cannot contain spaces; use _ or - instead.</source>
        <translation>Tên nhãn không được chứa dấu cách; hãy dùng _ hoặc -.</translation>
    </message>
    <message>
        <source>A label name can have at most %1 characters.</source>
        <translation>Tên nhãn có tối đa %1 ký tự.</translation>
    </message>
    <message>
        <source>There is already a label called %1.</source>
        <translation>Đã có nhãn tên %1.</translation>
    </message>
    <message>
        <source>Pre-annotation and training use the built-in names PER, ORG, LOC, MISC and DIRECTIVE: their suggestions for %1 will carry a label the scheme no longer has.</source>
        <translation>Gán nhãn trước và huấn luyện dùng các tên có sẵn PER, ORG, LOC, MISC và DIRECTIVE: gợi ý cho %1 sẽ mang một nhãn không còn trong bộ nhãn.</translation>
    </message>
    <message>
        <source>Label names are usually upper-case, like ORG: %1.</source>
        <translation>Tên nhãn thường viết hoa, như ORG: %1.</translation>
    </message>
    <message>
        <source>Key %1 now belongs to %2; %3 took its former key %4.</source>
        <translation>Phím %1 nay thuộc về %2; %3 nhận phím cũ %4.</translation>
    </message>
    <message>
        <source>Key %1 now belongs to %2; %3 has no key now.</source>
        <translation>Phím %1 nay thuộc về %2; %3 không còn phím tắt.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Chưa lưu gì: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1 (mới)</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1 (trước là %2)</translation>
    </message>
    <message>
        <source>Accepted %1 · suggested %2 · rejected %3</source>
        <translation>Đã chấp nhận %1 · gợi ý %2 · đã từ chối %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>%1 (now %2)</source>
        <translation>%1 (hiện là %2)</translation>
    </message>
    <message>
        <source>Change colour…</source>
        <translation>Đổi màu…</translation>
    </message>
    <message>
        <source>%1 — change…</source>
        <translation>%1 — đổi…</translation>
    </message>
    <message>
        <source>A new label: it is added when you press OK or Apply.</source>
        <translation>Nhãn mới: được thêm khi bạn bấm OK hoặc Áp dụng.</translation>
    </message>
    <message>
        <source>Renaming the label relabels them; it cannot be deleted while they exist.</source>
        <translation>Đổi tên nhãn sẽ gán lại nhãn cho chúng; không thể xóa nhãn khi chúng còn tồn tại.</translation>
    </message>
    <message>
        <source>No span uses this label.</source>
        <translation>Chưa có đoạn nào dùng nhãn này.</translation>
    </message>
    <message>
        <source>Delete the selected label.</source>
        <translation>Xóa nhãn đang chọn.</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Màu nhãn</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>This corpus is read-only: the labels are shown but cannot be changed. Open a copy of the corpus to edit them.</source>
        <translation>Kho ngữ liệu này chỉ đọc: các nhãn được hiển thị nhưng không thể thay đổi. Hãy mở một bản sao của kho để chỉnh sửa.</translation>
    </message>
    <message>
        <source>The labels of this corpus, in palette order. Changes are saved when you press OK or Apply; renaming a label relabels all its spans.</source>
        <translation>Các nhãn của kho ngữ liệu này, theo thứ tự trên bảng nhãn. Thay đổi được lưu khi bạn bấm OK hoặc Áp dụng; đổi tên một nhãn sẽ gán lại nhãn cho mọi đoạn của nó.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Phím</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>Add a label, then type its name.</source>
        <translation>Thêm một nhãn rồi gõ tên cho nó.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Chuyển &amp;xuống</translation>
    </message>
    <message>
        <source>Move the label up in the palette (and in the menus).</source>
        <translation>Chuyển nhãn lên trên bảng nhãn (và trong trình đơn).</translation>
    </message>
    <message>
        <source>Move the label down in the palette (and in the menus).</source>
        <translation>Chuyển nhãn xuống dưới bảng nhãn (và trong trình đơn).</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Nhãn đang chọn</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>K&amp;ind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Màu:</translation>
    </message>
    <message>
        <source>Short&amp;cut key:</source>
        <translation>&amp;Phím tắt:</translation>
    </message>
    <message>
        <source>For example ORG or PRODUCT</source>
        <translation>Ví dụ ORG hoặc PRODUCT</translation>
    </message>
    <message>
        <source>Entities mark names in a sentence; directive labels mark whole sentences. Spans of the same kind cannot overlap.</source>
        <translation>Nhãn thực thể đánh dấu tên riêng trong câu; nhãn chỉ đạo đánh dấu cả câu. Các đoạn cùng loại không được chồng lên nhau.</translation>
    </message>
    <message>
        <source>The key that applies this label. A key another label has is swapped: that label takes this one&apos;s key.</source>
        <translation>Phím dùng để gán nhãn này. Nếu phím đã thuộc nhãn khác thì hai nhãn đổi phím cho nhau.</translation>
    </message>
</context>
<context>
    <name>Learning</name>
    <message>
        <source>Train &amp;now</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls how long one turn of the event loop may spend storing results extra ``train_from_corpus`` options for the background runs (e.g. ``no_seed``)</extracomment>
        <translation>&amp;Học ngay</translation>
    </message>
    <message>
        <source>Learn from the reviewed documents now, in the background</source>
        <translation>Học từ các tài liệu đã duyệt ngay bây giờ, chạy nền</translation>
    </message>
    <message>
        <source>&amp;Stop learning</source>
        <translation>&amp;Dừng học</translation>
    </message>
    <message>
        <source>Stop the training running in the background; the current model stays</source>
        <translation>Dừng việc huấn luyện đang chạy nền; giữ mô hình hiện tại</translation>
    </message>
    <message>
        <source>Instant &amp;memory…</source>
        <translation>&amp;Bộ nhớ tức thì…</translation>
    </message>
    <message>
        <source>Strings reviewers taught: suggested, or never suggested, everywhere</source>
        <translation>Các chuỗi người duyệt đã dạy: được gợi ý, hoặc không bao giờ gợi ý, ở mọi nơi</translation>
    </message>
    <message>
        <source>Instant memory: {error}</source>
        <translation>Bộ nhớ tức thì: {error}</translation>
    </message>
    <message>
        <source>Instant memory: “{text}” {label} updated in {n} documents</source>
        <translation>Bộ nhớ tức thì: “{text}” {label} đã cập nhật trong {n} tài liệu</translation>
    </message>
    <message>
        <source>Instant memory</source>
        <translation>Bộ nhớ tức thì</translation>
    </message>
    <message>
        <source>One line per string: &apos;string | LABEL&apos; suggests it, &apos;!string | LABEL&apos; never suggests it. Also in {path}.</source>
        <translation>Mỗi dòng một chuỗi: &apos;chuỗi | NHÃN&apos; để gợi ý, &apos;!chuỗi | NHÃN&apos; để không bao giờ gợi ý. Cũng có trong {path}.</translation>
    </message>
    <message>
        <source>the learning process stopped</source>
        <translation>tiến trình học đã dừng</translation>
    </message>
    <message>
        <source>Training finished</source>
        <translation>Huấn luyện xong</translation>
    </message>
    <message>
        <source>Learning: a better model is active</source>
        <translation>Học: mô hình tốt hơn đã được kích hoạt</translation>
    </message>
    <message>
        <source>Learning: the current model stays (the new one was not better)</source>
        <translation>Học: giữ mô hình hiện tại (mô hình mới không tốt hơn)</translation>
    </message>
    <message>
        <source>Learning stopped: {error}</source>
        <translation>Học bị dừng: {error}</translation>
    </message>
    <message>
        <source>Model {name}</source>
        <translation>Mô hình {name}</translation>
    </message>
    <message>
        <source>Model {name}, F1 {f1}</source>
        <translation>Mô hình {name}, F1 {f1}</translation>
    </message>
    <message>
        <source>learning… {done}/{total}</source>
        <translation>đang học… {done}/{total}</translation>
    </message>
    <message>
        <source>refreshing suggestions… {done}/{total}</source>
        <translation>đang làm mới gợi ý… {done}/{total}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>accepted</source>
        <translation>đã chấp nhận</translation>
    </message>
    <message>
        <source>suggestion</source>
        <translation>gợi ý</translation>
    </message>
    <message>
        <source>directive</source>
        <translation>chỉ đạo</translation>
    </message>
    <message>
        <source>Accepted spans are filled; suggestions still to review have a wavy underline; directive sentences sit on a pale band with a bar in the margin.</source>
        <translation>Nhãn đã chấp nhận được tô nền; gợi ý chưa duyệt có gạch chân lượn sóng; câu chỉ đạo nằm trên dải màu nhạt với vạch ở lề.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls Each language named in itself (as annotator.gui.i18n.LANGUAGE_NAMES): not translated.</extracomment>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Cannot open the corpus</source>
        <translation>Không mở được kho ngữ liệu</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Đã mở {path}</translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation>Mở kho ngữ liệu</translation>
    </message>
    <message>
        <source>Annotator corpus (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Kho ngữ liệu annotator (*.db *.sqlite *.sqlite3);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>New corpus</source>
        <translation>Kho ngữ liệu mới</translation>
    </message>
    <message>
        <source>Annotator corpus (*.db)</source>
        <translation>Kho ngữ liệu annotator (*.db)</translation>
    </message>
    <message>
        <source>Cannot create the corpus</source>
        <translation>Không tạo được kho ngữ liệu</translation>
    </message>
    <message>
        <source>{path} already exists; use Open corpus to open it.</source>
        <translation>{path} đã tồn tại; hãy dùng Mở kho ngữ liệu để mở.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Your name (recorded with your edits):</source>
        <translation>Tên của bạn (được ghi kèm các chỉnh sửa):</translation>
    </message>
    <message>
        <source>This is the last document.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls; these texts keep the window&apos;s context</extracomment>
        <translation>Đây là bài cuối cùng.</translation>
    </message>
    <message>
        <source>This is the first document.</source>
        <translation>Đây là bài đầu tiên.</translation>
    </message>
    <message>
        <source>All documents are done.</source>
        <translation>Tất cả các bài đã xong.</translation>
    </message>
    <message>
        <source>Not done: {a} and {b} overlap; keep one (X rejects the selected one).</source>
        <translation>Chưa xong: {a} và {b} chồng lấn nhau; hãy giữ một (X từ chối đoạn đang chọn).</translation>
    </message>
    <message>
        <source>Not done: directive {numbers} has no issuer. Select the issuer and press I (Document → Require an issuer turns this check off).</source>
        <translation>Chưa xong: chỉ đạo {numbers} chưa có chủ thể chỉ đạo. Chọn chủ thể chỉ đạo rồi nhấn I (Bài → Bắt buộc có chủ thể chỉ đạo để tắt kiểm tra này).</translation>
    </message>
    <message>
        <source>Marked done; directive {numbers} of that document has no issuer.</source>
        <translation>Đã đánh dấu xong; chỉ đạo {numbers} của bài đó chưa có chủ thể chỉ đạo.</translation>
    </message>
    <message>
        <source>Select some text or a span first.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls; these texts keep the window&apos;s context</extracomment>
        <translation>Hãy chọn một đoạn văn bản hoặc một đoạn đã gán nhãn trước.</translation>
    </message>
    <message>
        <source>No suggestions left to review here: Ctrl+Return marks the document done.</source>
        <translation>Không còn gợi ý nào cần duyệt ở đây: Ctrl+Return để đánh dấu bài đã xong.</translation>
    </message>
    <message>
        <source>No suggestions left to review here.</source>
        <translation>Không còn gợi ý nào cần duyệt ở đây.</translation>
    </message>
    <message>
        <source>Accepted {n} suggestions.</source>
        <translation>Đã chấp nhận {n} gợi ý.</translation>
    </message>
    <message>
        <source>Select a span or some text first.</source>
        <translation>Hãy chọn một đoạn nhãn hoặc một đoạn văn trước.</translation>
    </message>
    <message>
        <source>No directive here or after this text.</source>
        <translation>Không có chỉ đạo nào ở đây hoặc sau đoạn này.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Nhập tệp</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>Nhập thư mục</translation>
    </message>
    <message>
        <source>Importing is not available here.</source>
        <translation>Không thể nhập ở đây.</translation>
    </message>
    <message>
        <source>About annotator</source>
        <translation>Giới thiệu annotator</translation>
    </message>
    <message>
        <source>&lt;b&gt;annotator {version}&lt;/b&gt;&lt;p&gt;Offline review of Vietnamese news: named entities (PER, ORG, LOC, MISC) and directive sentences, turned into training data.&lt;/p&gt;</source>
        <translation>&lt;b&gt;annotator {version}&lt;/b&gt;&lt;p&gt;Duyệt tin tức tiếng Việt không cần mạng: thực thể có tên (PER, ORG, LOC, MISC) và câu chỉ đạo, chuyển thành dữ liệu huấn luyện.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reviewer: {name}</source>
        <translation>Người duyệt: {name}</translation>
    </message>
    <message>
        <source>Document {x} of {n}</source>
        <translation>Bài {x} / {n}</translation>
    </message>
    <message>
        <source>{n} documents</source>
        <translation>{n} bài</translation>
    </message>
    <message>
        <source>Done {done} / {total}</source>
        <translation>Xong {done} / {total}</translation>
    </message>
    <message>
        <source>Model: {name}</source>
        <translation>Mô hình: {name}</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>luật</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Chưa có bài nào</translation>
    </message>
    <message>
        <source>Import articles with File → Import files… or drop files here.</source>
        <translation>Nhập bài bằng Tệp → Nhập tệp… hoặc thả tệp vào đây.</translation>
    </message>
    <message>
        <source>(untitled #{id})</source>
        <translation>(chưa có tiêu đề #{id})</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (chỉ đọc)</translation>
    </message>
    <message>
        <source>annotator — {corpus}{ro} — {reviewer}</source>
        <translation>annotator — {corpus}{ro} — {reviewer}</translation>
    </message>
    <message>
        <source>Mark this document done (suggestions left standing count as accepted) and open the next unfinished one</source>
        <translation>Đánh dấu bài này đã xong (các gợi ý còn lại được tính là đã chấp nhận) và mở bài chưa xong tiếp theo</translation>
    </message>
    <message>
        <source>Add, rename, recolour or reorder the labels and their keys</source>
        <translation>Thêm, đổi tên, đổi màu hoặc sắp xếp lại các nhãn và phím tắt</translation>
    </message>
    <message>
        <source>Collect other reviewers&apos; corpus files or native exports into this corpus</source>
        <translation>Gộp tệp kho ngữ liệu hoặc tệp xuất gốc của người duyệt khác vào kho này</translation>
    </message>
    <message>
        <source>Label the selection (or relabel the selected span) as {label} — key {key}</source>
        <translation>Gán nhãn {label} cho vùng chọn (hoặc đổi nhãn đoạn đang chọn) — phím {key}</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Nhập tệp…</translation>
    </message>
    <message>
        <source>Merging is not available here.</source>
        <translation>Không thể gộp ở đây.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Nguồn: {source}</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n thực thể</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directives</source>
        <translation>
            <numerusform>%n chỉ đạo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestions to review</source>
        <translation>
            <numerusform>%n gợi ý cần duyệt</numerusform>
        </translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>Nhập &amp;thư mục…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>&amp;Open corpus…</source>
        <translation>&amp;Mở kho ngữ liệu…</translation>
    </message>
    <message>
        <source>&amp;New corpus…</source>
        <translation>Tạo kho ngữ liệu mớ&amp;i…</translation>
    </message>
    <message>
        <source>Change &amp;reviewer…</source>
        <translation>Đổi người &amp;duyệt…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>Accept &amp;all remaining suggestions</source>
        <translation>Chấp nhận tất cả gợi ý còn &amp;lại</translation>
    </message>
    <message>
        <source>Accept the selected suggestion and select the next one still to review</source>
        <translation>Chấp nhận gợi ý đang chọn và chọn gợi ý kế tiếp còn cần duyệt</translation>
    </message>
    <message>
        <source>Rejecting a directive rejects only the sentence: the entities inside it stay to be reviewed and come next</source>
        <translation>Từ chối một chỉ đạo chỉ từ chối câu đó: các thực thể bên trong vẫn chờ duyệt và được chọn tiếp theo</translation>
    </message>
    <message>
        <source>&amp;Delete span</source>
        <translation>&amp;Xóa đoạn</translation>
    </message>
    <message>
        <source>Next suggestion to &amp;review</source>
        <translation>Gợi ý cần &amp;duyệt tiếp theo</translation>
    </message>
    <message>
        <source>Previous suggestion to re&amp;view</source>
        <translation>Gợi ý cần duyệt &amp;trước đó</translation>
    </message>
    <message>
        <source>&amp;Next span</source>
        <translation>Đoạn &amp;sau</translation>
    </message>
    <message>
        <source>&amp;Previous span</source>
        <translation>Đoạn t&amp;rước</translation>
    </message>
    <message>
        <source>Deselect span</source>
        <translation>Bỏ chọn đoạn</translation>
    </message>
    <message>
        <source>Grow end by one syllable</source>
        <translation>Kéo dài cuối đoạn thêm một âm tiết</translation>
    </message>
    <message>
        <source>Shrink end by one syllable</source>
        <translation>Thu ngắn cuối đoạn bớt một âm tiết</translation>
    </message>
    <message>
        <source>Grow start by one syllable</source>
        <translation>Kéo dài đầu đoạn thêm một âm tiết</translation>
    </message>
    <message>
        <source>Shrink start by one syllable</source>
        <translation>Thu ngắn đầu đoạn bớt một âm tiết</translation>
    </message>
    <message>
        <source>Set as directive &amp;issuer</source>
        <translation>Đặt làm &amp;chủ thể chỉ đạo</translation>
    </message>
    <message>
        <source>The selected span or text becomes the issuer of the directive it is in, or of the next directive</source>
        <translation>Đoạn nhãn hoặc đoạn văn đang chọn trở thành chủ thể chỉ đạo của chỉ đạo chứa nó, hoặc của chỉ đạo kế tiếp</translation>
    </message>
    <message>
        <source>Set as directive a&amp;ddressee</source>
        <translation>Đặt làm đối tượng &amp;thực hiện</translation>
    </message>
    <message>
        <source>The selected span or text (any phrase, such as “các sở, ngành”) becomes the addressee of the directive it is in, or of the next directive</source>
        <translation>Đoạn nhãn hoặc đoạn văn đang chọn (bất kỳ cụm từ nào, như “các sở, ngành”) trở thành đối tượng thực hiện của chỉ đạo chứa nó, hoặc của chỉ đạo kế tiếp</translation>
    </message>
    <message>
        <source>Mark &amp;done and go to next</source>
        <translation>Đánh dấu &amp;xong và sang bài tiếp</translation>
    </message>
    <message>
        <source>&amp;Skip document</source>
        <translation>&amp;Bỏ qua bài</translation>
    </message>
    <message>
        <source>Ne&amp;xt document</source>
        <translation>Bài &amp;tiếp theo</translation>
    </message>
    <message>
        <source>Pre&amp;vious document</source>
        <translation>Bài t&amp;rước</translation>
    </message>
    <message>
        <source>Next &amp;unfinished document</source>
        <translation>Bài &amp;chưa xong tiếp theo</translation>
    </message>
    <message>
        <source>Least &amp;certain first</source>
        <translation>Ưu tiên bài mô hình &amp;kém chắc chắn nhất</translation>
    </message>
    <message>
        <source>After Done or Skip, open the unfinished document the model is least sure about instead of the next in corpus order</source>
        <translation>Sau khi Xong hoặc Bỏ qua, mở bài chưa xong mà mô hình kém chắc chắn nhất thay vì bài kế tiếp theo thứ tự kho</translation>
    </message>
    <message>
        <source>Require an &amp;issuer for each directive</source>
        <translation>Bắt buộc có người &amp;ban hànhchủ thể chỉ đạo cho mỗi chỉ đạo</translation>
    </message>
    <message>
        <source>Mark done refuses a document while a directive has no issuer</source>
        <translation>Không cho đánh dấu xong khi còn chỉ đạo chưa có chủ thể chỉ đạo</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Tìm bài viết</translation>
    </message>
    <message>
        <source>Go to document list</source>
        <translation>Chuyển đến danh sách bài</translation>
    </message>
    <message>
        <source>Go to article</source>
        <translation>Chuyển đến nội dung bài</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Ô kế tiếp</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Ô trước</translation>
    </message>
    <message>
        <source>Snap to &amp;words</source>
        <translation>Khớp theo &amp;từ</translation>
    </message>
    <message>
        <source>Show &amp;rejected spans</source>
        <translation>Hiện &amp;các đoạn đã từ chối</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>&amp;Normal size</source>
        <translation>Cỡ chữ &amp;bình thường</translation>
    </message>
    <message>
        <source>&amp;Pre-annotate</source>
        <translation>&amp;Gán nhãn trước</translation>
    </message>
    <message>
        <source>Pre-annotate &amp;imported documents</source>
        <translation>Gán nhãn trước cho bài vừa &amp;nhập</translation>
    </message>
    <message>
        <source>Documents imported from the window get suggestions at once</source>
        <translation>Bài nhập từ cửa sổ được gợi ý nhãn ngay</translation>
    </message>
    <message>
        <source>&amp;Train model</source>
        <translation>&amp;Huấn luyện mô hình</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>&amp;Thống kê</translation>
    </message>
    <message>
        <source>&amp;Labels…</source>
        <translation>&amp;Nhãn…</translation>
    </message>
    <message>
        <source>&amp;Merge reviewers&apos; work…</source>
        <translation>&amp;Gộp kết quả người duyệt…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <source>&amp;About annotator</source>
        <translation>&amp;Giới thiệu annotator</translation>
    </message>
    <message>
        <source>New spans snap to whole words (underthesea word segmentation) instead of syllables</source>
        <translation>Đoạn mới khớp theo trọn từ (tách từ bằng underthesea) thay vì theo âm tiết</translation>
    </message>
    <message>
        <source>Accept every suggestion still to review in this document</source>
        <translation>Chấp nhận mọi gợi ý còn chờ duyệt trong bài này</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Menus in menu-bar order: (id, title, items); None is a separator; &quot;undo&quot;/&quot;redo&quot; are the undo stack&apos;s own actions; a string starting with &quot;menu:&quot; is a submenu the window fills itself.</extracomment>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Span</source>
        <translation>Đ&amp;oạn</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;Nhãn</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Bài</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>&amp;Tìm trong bài…</translation>
    </message>
    <message>
        <source>Find text in the article (accents optional) and select it to label</source>
        <translation>Tìm chữ trong bài (không cần dấu) và chọn để gán nhãn</translation>
    </message>
    <message>
        <source>&amp;Accept and go to next suggestion</source>
        <translation>&amp;Chấp nhận và sang gợi ý kế tiếp</translation>
    </message>
    <message>
        <source>&amp;Reject and go to next suggestion</source>
        <translation>&amp;Từ chối và sang gợi ý kế tiếp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>Các &amp;khung</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>N&amp;gôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Directives</source>
        <translation>Chỉ đạo</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Nhãn</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>Reviewer</source>
        <extracomment>Where a span came from; an origin like &quot;model:crf-2024&quot; is shown by its first part.</extracomment>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Luật</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>Từ điển tên riêng</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ tệp</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>This corpus is read-only; changes are not possible.</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Kho ngữ liệu này chỉ đọc; không thể thay đổi.</translation>
    </message>
    <message>
        <source>Could not save the change: {error}</source>
        <translation>Không lưu được thay đổi: {error}</translation>
    </message>
    <message>
        <source>The selection holds no word to label.</source>
        <translation>Vùng chọn không chứa từ nào để gán nhãn.</translation>
    </message>
    <message>
        <source>Replaced {spans}, which overlapped (Ctrl+Z brings it back).</source>
        <translation>Đã thay {spans} vì bị chồng lấn (Ctrl+Z để lấy lại).</translation>
    </message>
    <message>
        <source>No suggestions left in this document.</source>
        <translation>Bài này không còn gợi ý nào.</translation>
    </message>
    <message>
        <source>Set {relation}</source>
        <translation>Đặt {relation}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reviewing.&lt;/b&gt; A document opens on its first suggestion: Enter accepts it and X rejects it, and both go on to the next suggestion still to review, so each suggestion costs one key. N / P go to the next / previous suggestion, Tab / Shift+Tab to every span; a label key relabels the selected span, Del removes it. Rejecting a directive leaves the entities inside it to review: they come next.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Labelling.&lt;/b&gt; Ctrl+F or / finds words in the article as you type, accents optional; Enter selects the match. Shift+Left / Shift+Right extend a selection by a syllable. A label key (1–9) labels it, snapped to whole syllables (or words, View → Snap to words). A new or grown span replaces an overlapping span of its kind, and the status bar names it (Ctrl+Z brings it back).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Resizing&lt;/b&gt; the selected span by one syllable: Alt+Shift+Right / Alt+Shift+Left move its &lt;i&gt;end&lt;/i&gt; later / earlier (grow / shrink); Alt+Shift+Up / Alt+Shift+Down move its &lt;i&gt;start&lt;/i&gt; earlier / later (grow / shrink).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Directives.&lt;/b&gt; I / A make the selected span, or any selected words (“các sở, ngành”), the issuer / addressee of the directive it is in, else of the next directive. F6 moves through the panes up to the directive cards (Tab and arrows inside a card). Ctrl+Return names the directives still without an issuer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Duyệt.&lt;/b&gt; Mỗi bài mở ra ở gợi ý đầu tiên: Enter chấp nhận, X từ chối, và cả hai đều chuyển sang gợi ý kế tiếp còn cần duyệt, nên mỗi gợi ý chỉ tốn một phím. N / P sang gợi ý kế tiếp / trước đó, Tab / Shift+Tab qua mọi đoạn; phím nhãn đổi nhãn đoạn đang chọn, Del xóa đoạn. Từ chối một chỉ đạo vẫn để lại các thực thể bên trong chờ duyệt: chúng được chọn tiếp theo.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Gán nhãn.&lt;/b&gt; Ctrl+F hoặc / tìm chữ trong bài ngay khi gõ, không cần dấu; Enter chọn kết quả. Shift+Trái / Shift+Phải mở rộng vùng chọn từng âm tiết. Phím nhãn (1–9) gán nhãn, khớp trọn âm tiết (hoặc trọn từ, Xem → Khớp theo từ). Đoạn mới hoặc đoạn được kéo dài sẽ thay đoạn cùng loại bị chồng lấn, và thanh trạng thái nêu tên đoạn đó (Ctrl+Z để lấy lại).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Đổi độ dài&lt;/b&gt; đoạn đang chọn từng âm tiết một: Alt+Shift+Right / Alt+Shift+Left dời &lt;i&gt;cuối&lt;/i&gt; đoạn ra sau / vào trước (dài ra / ngắn lại); Alt+Shift+Up / Alt+Shift+Down dời &lt;i&gt;đầu&lt;/i&gt; đoạn lên trước / về sau (dài ra / ngắn lại).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Chỉ đạo.&lt;/b&gt; I / A đặt đoạn đang chọn, hoặc bất kỳ cụm từ nào đang chọn (“các sở, ngành”), làm chủ thể chỉ đạo / đối tượng thực hiện của chỉ đạo chứa nó, hoặc của chỉ đạo kế tiếp. F6 đi qua các ô đến thẻ chỉ đạo (Tab và phím mũi tên trong thẻ). Ctrl+Return nêu các chỉ đạo chưa có chủ thể chỉ đạo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Trình đơn</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <source>Text</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Nguồn gốc</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
</context>
<context>
    <name>SpanListPanel</name>
    <message>
        <source>{accepted} accepted · {suggested} to review · {rejected} rejected</source>
        <translation>{accepted} đã chấp nhận · {suggested} chờ duyệt · {rejected} đã từ chối</translation>
    </message>
</context>
<context>
    <name>SpanState</name>
    <message>
        <source>Suggested</source>
        <extracomment>Span states (context &quot;SpanState&quot;).</extracomment>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Đã chấp nhận</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Đã từ chối</translation>
    </message>
</context>
<context>
    <name>StatsDialog</name>
    <message>
        <source>Statistics</source>
        <translation>Thống kê</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Documents by status</source>
        <translation>Số bài theo trạng thái</translation>
    </message>
    <message>
        <source>Spans by state</source>
        <translation>Số đoạn theo trạng thái</translation>
    </message>
    <message>
        <source>Spans by label (not rejected)</source>
        <translation>Số đoạn theo nhãn (không tính đoạn bị từ chối)</translation>
    </message>
    <message>
        <source>Spans by origin</source>
        <translation>Số đoạn theo nguồn gốc</translation>
    </message>
    <message>
        <source>Documents finished per day</source>
        <translation>Số bài hoàn thành mỗi ngày</translation>
    </message>
    <message>
        <source>Reviewers</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <source>Documents done</source>
        <translation>Số bài đã xong</translation>
    </message>
    <message>
        <source>Nothing yet</source>
        <translation>Chưa có dữ liệu</translation>
    </message>
    <message>
        <source>Cannot read the corpus: %1</source>
        <translation>Không đọc được kho ngữ liệu: %1</translation>
    </message>
    <message>
        <source>%1 documents, %2 done (%3%); %4 hours of review.</source>
        <translation>%1 bài, %2 bài đã xong (%3%); %4 giờ duyệt.</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(không rõ)</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>New</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Mới</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang duyệt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <extracomment>lupdate reads translate(&quot;Context&quot;, &quot;literal&quot;) calls</extracomment>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Stop this task; what is already finished is kept</source>
        <translation>Dừng tác vụ này; phần đã xong vẫn được giữ</translation>
    </message>
    <message>
        <source>%1 (cancelling…)</source>
        <translation>%1 (đang hủy…)</translation>
    </message>
    <message>
        <source>%1 (waiting…)</source>
        <translation>%1 (đang chờ…)</translation>
    </message>
    <message>
        <source>%1: finished</source>
        <translation>%1: xong</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 thất bại</translation>
    </message>
    <message>
        <source>%1: cancelled; finished work was kept</source>
        <translation>%1: đã hủy; phần đã xong vẫn được giữ</translation>
    </message>
</context>
</TS>
