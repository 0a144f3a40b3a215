"""`annotator tag` throughput (local engine, Dask LocalCluster) against `annotator preannotate`, and driver memory.

Articles are generated here from templates (Vietnamese-news-like, written for this bench) with
a fixed seed. Each engine runs as a fresh `annotator` process with 2 workers, as a user runs
it; the figures are articles per wall second and per CPU second (user + system of the process
and all its workers), printed as ratios to `annotator preannotate --jobs 2` on the same
articles in the same run, because the machine is shared and absolute figures are noisy.
The outputs of both engines are compared byte for byte. Memory: peak RSS of the driver
process (the `annotator tag` process itself, not its workers) for two input sizes.

    python bench/tag.py [--articles 20000] [--memory 20000,100000] [--skip-throughput]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Mai Trịnh Lâm".split()
MIDDLE = "Văn Thị Hữu Đức Minh Quốc Thanh Ngọc Xuân Hồng Thu Công Đình Anh Kim".split()
GIVEN = ("Hùng Lan Dũng Hạnh Tuấn Mai Sơn Hà Phong Linh Cường Thảo Bình Nga Khoa Yến Long Trang Hải Vy "
         "Thắng Quyên Tâm Nam Huệ Lộc Hiền Toàn Nhung Việt").split()
PROVINCES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ninh", "Nghệ An", "Thanh Hóa", "Lâm Đồng",
             "Cà Mau", "Lào Cai", "Bình Định", "Khánh Hòa", "Đắk Lắk", "An Giang", "Thái Nguyên", "Huế",
             "Quảng Nam", "Bắc Ninh", "Gia Lai", "Sơn La", "Kiên Giang", "Hà Giang", "Phú Yên", "Nam Định"]
MINISTRIES = ["Bộ Y tế", "Bộ Tài chính", "Bộ Giáo dục và Đào tạo", "Bộ Công Thương", "Bộ Xây dựng",
              "Bộ Nông nghiệp và Môi trường", "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch",
              "Ngân hàng Nhà nước", "Bộ Giao thông vận tải"]
DEPARTMENTS = ["Sở Y tế", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Công Thương", "Sở Xây dựng",
               "Sở Du lịch", "Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh", "Ban Quản lý các khu công nghiệp"]
TITLES = ["Chủ tịch UBND tỉnh {P}", "Phó Chủ tịch UBND tỉnh {P}", "Bí thư Tỉnh ủy {P}", "Giám đốc {D} {P}",
          "Bộ trưởng {M}", "Thứ trưởng {M}", "Phó Giám đốc {D} {P}"]
EVENTS = ["Lễ hội Hoa", "Tuần lễ Văn hóa", "Hội chợ Thương mại", "Giải chạy Vì cộng đồng", "Diễn đàn Đầu tư",
          "Hội nghị Xúc tiến du lịch", "Ngày hội Việc làm"]
PARTNERS = ["Nhật Bản", "Hàn Quốc", "Australia", "Lào", "Campuchia", "Singapore", "Pháp", "Đức"]
TOPICS = ["phòng chống sốt xuất huyết", "giải ngân vốn đầu tư công", "chuyển đổi số", "bảo vệ rừng ngập mặn",
          "phòng chống thiên tai", "an toàn thực phẩm", "sắp xếp đơn vị hành chính", "phát triển du lịch xanh",
          "xây dựng nhà ở xã hội", "cải cách thủ tục hành chính"]
ACTIONS = ["khẩn trương rà soát", "tập trung hoàn thành", "kiểm tra, giám sát chặt chẽ", "báo cáo kết quả",
           "phối hợp triển khai", "tháo gỡ vướng mắc về"]
DEADLINES = ["trước ngày 30/6", "trong tháng 9", "trước ngày 15/12", "ngay trong quý IV", "trước Tết Nguyên đán"]
AUDIENCES = ["các sở, ngành", "các địa phương", "UBND các huyện", "các đơn vị liên quan", "các doanh nghiệp"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _title(rng: random.Random, province: str) -> str:
    return rng.choice(TITLES).format(P=province, D=rng.choice(DEPARTMENTS), M=rng.choice(MINISTRIES))


def _sentence(rng: random.Random, province: str) -> str:
    kind = rng.randrange(9)
    day = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}"
    topic, action = rng.choice(TOPICS), rng.choice(ACTIONS)
    if kind == 0:
        return (f"Ngày {day}, {rng.choice(DEPARTMENTS)} tỉnh {province} tổ chức hội nghị về {topic} với sự tham dự"
                f" của đại diện {rng.choice(MINISTRIES)}.")
    if kind == 1:
        return (f"Phát biểu tại hội nghị, ông {_person(rng)}, {_title(rng, province)}, đề nghị {rng.choice(AUDIENCES)}"
                f" {action} công tác {topic} {rng.choice(DEADLINES)}.")
    if kind == 2:
        return (f"{rng.choice(MINISTRIES)} yêu cầu UBND tỉnh {province} {action} các dự án {topic},"
                f" báo cáo {rng.choice(DEADLINES)}.")
    if kind == 3:
        return (f"Theo bà {_person(rng)}, {_title(rng, province)}, trong {rng.randint(2, 11)} tháng qua tỉnh đã thu hút"
                f" {rng.randint(10, 900)} dự án với tổng vốn {rng.randint(1, 90)}.{rng.randint(100, 999)} tỷ đồng.")
    if kind == 4:
        return (f"{rng.choice(EVENTS)} {province} năm {rng.randint(2024, 2027)} dự kiến đón hơn"
                f" {rng.randint(10, 500)}.000 lượt khách, trong đó có đoàn doanh nghiệp {rng.choice(PARTNERS)}.")
    if kind == 5:
        return (f"Đồng thời, {rng.choice(AUDIENCES)} cần chủ động phối hợp với {rng.choice(DEPARTMENTS)}"
                f" để {action} {topic}.")
    if kind == 6:
        return (f"Đoàn công tác của Đại sứ quán {rng.choice(PARTNERS)} do ông {_person(rng)} dẫn đầu đã làm việc"
                f" với lãnh đạo thành phố {rng.choice(PROVINCES)}.")
    if kind == 7:
        return f"Mưa lớn kéo dài khiến {rng.randint(2, 60)} hộ dân ở huyện miền núi của {province} phải sơ tán."
    return (f"Thủ tướng giao {rng.choice(MINISTRIES)} chủ trì, phối hợp với UBND tỉnh {province}"
            f" {action} {topic}.")


def article(i: int, sentences: tuple[int, int] = (3, 6)) -> str:
    rng = random.Random(i)
    province = rng.choice(PROVINCES)
    title = f"{province}: {rng.choice(TOPICS).capitalize()}"
    body = " ".join(_sentence(rng, province) for _ in range(rng.randint(*sentences)))
    return f"{title}\n\n{body}\n\nBản tin số {i}."


def write_jsonl(path: Path, n: int, sentences: tuple[int, int]) -> int:
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            line = json.dumps({"id": f"bench-{i}", "text": article(i, sentences)}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line)
    return size


DRIVER = ("import resource, sys\nfrom annotator.cli import main\nrc = main(sys.argv[1:])\n"
          "print('DRIVER_MAXRSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
          "sys.exit(rc)\n")


def run(args: list[str]) -> dict:
    """One `annotator` process: wall and CPU seconds (with all its workers), driver peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", DRIVER, *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONWARNINGS="ignore"))
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"annotator {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    rss = [int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("DRIVER_MAXRSS_KB")]
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "rss_mb": rss[0] / 1024 if rss else float("nan"), "out": proc.stdout.strip()}


def same_output(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    if names != sorted(p.name for p in b.iterdir()):
        return False
    match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def throughput(work: Path, n: int) -> None:
    src = work / "articles.jsonl"
    size = write_jsonl(src, n, (3, 6))
    print(f"{n} generated articles, {size / n:.0f} characters of JSON each on average")
    db = work / "corpus.db"
    imported = run(["--corpus", str(db), "import", str(src)])
    print(f"import into a corpus for preannotate: {imported['wall']:.1f} s ({imported['out']})")
    results = {
        "preannotate": run(["--corpus", str(db), "preannotate", "--jobs", "2"]),
        "tag local": run(["--corpus", str(db), "tag", str(src), "--out", str(work / "local"), "--jobs", "2"]),
        "tag dask": run(["--corpus", str(db), "tag", str(src), "--out", str(work / "dask"), "--engine", "dask",
                         "--jobs", "2"]),
    }
    base = results["preannotate"]
    print(f"{'run':<14}{'wall s':>9}{'art./s':>9}{'× pre':>7}{'CPU s':>9}{'art./CPU s':>12}{'× pre':>7}"
          f"{'driver RSS MB':>15}")
    for name, r in results.items():
        print(f"{name:<14}{r['wall']:9.1f}{n / r['wall']:9.1f}{base['wall'] / r['wall']:7.2f}{r['cpu']:9.1f}"
              f"{n / r['cpu']:12.1f}{base['cpu'] / r['cpu']:7.2f}{r['rss_mb']:15.0f}")
    print("outputs of the two engines byte-identical:", same_output(work / "local", work / "dask"))
    print(f"per million articles like these: {1e6 / n * results['tag local']['cpu'] / 3600:.1f} CPU hours"
          f" (local engine), {1e6 / n * results['tag dask']['cpu'] / 3600:.1f} (Dask, start-up included)")


def memory(work: Path, sizes: list[int]) -> None:
    print("driver peak RSS, local engine, 2 workers (brief articles of 1-2 sentences to keep the run short):")
    for n in sizes:
        src = work / f"brief-{n}.jsonl"
        size = write_jsonl(src, n, (1, 2))
        r = run(["--corpus", str(work / "none.db"), "tag", str(src), "--out", str(work / f"brief-{n}"),
                 "--jobs", "2"])
        print(f"  {n:>7} articles ({size / 1e6:.0f} MB of input): driver {r['rss_mb']:.0f} MB,"
              f" {n / r['wall']:.0f} articles/s, {r['wall']:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--memory", default="20000,100000", help="input sizes for the memory check ('' to skip)")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--work", help="folder for inputs and outputs (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-tag-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start"
              " (shared: figures are noisy, read the ratios)")
        if not args.skip_throughput:
            throughput(work, args.articles)
        if args.memory:
            memory(work, [int(x) for x in args.memory.split(",")])
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
