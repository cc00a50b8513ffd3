"""
Types into a workbook the way an expert does in LibreOffice Calc: opens it in a running soffice (UNO socket),
selects each cell on the sheet's grid and types the text followed by Enter through LibreOffice's UI-test service
(so AutoInput, data validation and sheet protection apply as they do to a person typing), then saves as .xlsx.

usage: type-in-libreoffice.py PORT IN.xlsx OUT.xlsx CELLS.json   (CELLS: [["L4", "推荐"], ...])
Prints a JSON object: the text of each typed cell after Enter.
"""
import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name = k
        p.Value = v
        out.append(p)
    return tuple(out)


def main():
    port, src, dst, cells_file = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    cells = json.load(open(cells_file, encoding="utf-8"))
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_default", 0, props(Hidden=False))
    ui = smgr.createInstanceWithContext("org.libreoffice.uitest.UITest", ctx)
    grid = ui.getTopFocusWindow().getChild("grid_window")
    sheet = doc.Sheets.getByIndex(0)
    result = {}
    for ref, text in cells:
        grid.executeAction("SELECT", props(CELL=ref))
        grid.executeAction("TYPE", props(TEXT=text))
        grid.executeAction("TYPE", props(KEYCODE="RETURN"))
        result[ref] = sheet.getCellRangeByName(ref).getString()
    doc.storeToURL(uno.systemPathToFileUrl(dst), props(FilterName="Calc MS Excel 2007 XML"))
    doc.close(True)
    print(json.dumps(result, ensure_ascii=False))


main()
