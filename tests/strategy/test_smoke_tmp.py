from pathlib import Path
from participation.exports import collect
from participation.exports.workbook import write_xlsx, write_ods
from participation.exports.report import write_docx, write_odt
from participation.exports.data import write_data_zip

def test_smoke(strategy_process, tmp_path):
    from flask_babel import force_locale
    p = strategy_process
    ctx = force_locale('de'); ctx.__enter__()
    out = Path("/tmp/strat-smoke"); out.mkdir(exist_ok=True)
    s = collect.workbook_sheets(p)
    write_xlsx(s, out / "w.xlsx"); write_ods(s, out / "w.ods")
    b = collect.report_blocks(p)
    write_docx(b, out / "r.docx", collect.report_title(p)); write_odt(b, out / "r.odt", collect.report_title(p))
    write_data_zip(collect.dataset(p), out / "d.zip")
