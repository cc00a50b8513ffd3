/*
 * 匠选 boot check — runs first, inline in the <head> of taskpane.html and commands.html, before office.js
 * (taskpane) and before the bundle. It must stay ES5 (test/taskpane/compat-loader.test.ts parses it as ES5):
 * Internet Explorer 11 and Edge Legacy, which Excel 2016/2019 (volume licensed) use to show add-ins, cannot even
 * parse the bundle, so without this page they show 「匠选正在加载…」 forever.
 *
 * 1. Feature test: the syntax the bundle is compiled to (ES2022: class fields and static blocks, optional
 *    chaining, ??) and a few APIs it calls. Fails on IE11, Edge Legacy, Safari before 16.4.
 * 2. Too old: instead of the pane, a page in Chinese (and English) says why and what to do, with the address of
 *    the standalone page to open in a current browser. In the ribbon's function file the two commands open that
 *    page in a dialog (or just complete) instead of failing silently.
 * 3. Modern and opened by Office (`_host_Info` in the address): office.js is written into <head> here, before
 *    any body element, as Microsoft asks; the standalone page never loads it.
 * The path of office.js is filled in at build time (webpack.config.js): OFFICE_JS_URL below.
 */
(function () {
  var w = window;
  var d = document;
  var OFFICE_JS = '__OFFICE_JS_URL__';
  var href = String(w.location.href);
  var inOffice = /[?&#]_host_Info=/i.test(href);
  var functionFile = /commands\.html/i.test(w.location.pathname || '');

  function modern() {
    try {
      // eslint-disable-next-line no-new-func
      var f = new Function('"use strict"; class A { static x = 1; #p = 2; static { this.y = this.x; } get p() { return this.#p; } } const o = { a: { b: 1 } }; return (o?.a?.b ?? 0) + A.y + new A().p;');
      if (f() !== 4) return false;
    } catch (e) {
      return false;
    }
    return (
      typeof w.Promise === 'function' &&
      typeof w.fetch === 'function' &&
      typeof w.Map === 'function' &&
      typeof w.WeakMap === 'function' &&
      typeof w.Symbol === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flatMap === 'function' &&
      typeof w.TextDecoder === 'function' &&
      typeof w.queueMicrotask === 'function'
    );
  }

  /** The standalone page: this same page, without Office's parameters. */
  function pageAddress() {
    var loc = w.location;
    var path = String(loc.pathname || '/').replace(/commands\.html$/i, 'taskpane.html');
    return loc.protocol + '//' + loc.host + path;
  }

  function engine() {
    var ua = String(w.navigator && w.navigator.userAgent);
    if (/Trident\//.test(ua)) return { zh: 'Internet Explorer 11', en: 'Internet Explorer 11' };
    if (/Edge\/\d/.test(ua)) return { zh: '旧版 Microsoft Edge（EdgeHTML）', en: 'Microsoft Edge Legacy (EdgeHTML)' };
    if (/Safari\//.test(ua) && !/Chrome\//.test(ua)) return { zh: '旧版 Safari', en: 'an old Safari' };
    return { zh: '版本过旧的浏览器组件', en: 'an outdated browser engine' };
  }

  function text(tag, content, style) {
    var el = d.createElement(tag);
    el.appendChild(d.createTextNode(content));
    if (style) el.style.cssText = style;
    return el;
  }

  /** Replaces the page with the explanation. */
  function showUnsupported() {
    var body = d.body;
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = d.createElement('div');
    box.setAttribute('data-testid', 'unsupported');
    box.style.cssText = 'padding:16px 18px;font:14px/1.6 "Microsoft YaHei","PingFang SC","Segoe UI",sans-serif;color:#242424;background:#fff;';
    var e = engine();
    var url = pageAddress();
    box.appendChild(text('h1', '匠选无法在这里运行', 'font-size:17px;margin:0 0 8px;color:#b42318;'));
    var why = inOffice || functionFile ? '这台电脑上的 Excel 用 ' + e.zh + ' 显示加载项' : '这个浏览器（' + e.zh + '）';
    box.appendChild(text('p', why + '，匠选需要较新的网页组件，无法在其中运行。工作簿没有被改动。', 'margin:0 0 10px;'));
    box.appendChild(text('p', '可以这样做：', 'margin:0 0 4px;font-weight:bold;'));
    var ol = d.createElement('ol');
    ol.style.cssText = 'margin:0 0 10px;padding-left:22px;';
    ol.appendChild(text('li', '用新版浏览器（Microsoft Edge、Chrome、360 安全浏览器的“极速模式”等）打开匠选网页版，选择工作簿文件即可校验（文件只在本机处理，不会上传）：'));
    var input = d.createElement('input');
    input.type = 'text';
    input.readOnly = true;
    input.value = url;
    input.setAttribute('data-testid', 'standalone-address');
    input.style.cssText = 'width:100%;box-sizing:border-box;margin:4px 0 8px;padding:4px 6px;font:13px Consolas,monospace;';
    input.onclick = function () {
      input.select();
    };
    ol.appendChild(input);
    ol.appendChild(text('li', '或请信息部门把 Office 升级到 Excel 2021、Excel 2024 或 Microsoft 365，并安装 Microsoft Edge WebView2 运行时；之后匠选加载项可以直接在 Excel 中使用。'));
    box.appendChild(ol);
    var en = 'Jiangxuan cannot run here: ' + (inOffice || functionFile ? 'this Excel shows add-ins with ' : 'this browser is ') + e.en + '.';
    en += ' Open the web page above in a current browser (Edge, Chrome) and choose the workbook file, or update Office to Excel 2021/2024 or Microsoft 365 with the WebView2 runtime.';
    box.appendChild(text('p', en, 'margin:10px 0 0;color:#605e5c;font-size:12px;'));
    body.appendChild(box);
  }

  /** Ribbon commands in an old engine: say why in a dialog (this page again), always complete the event. */
  function unsupportedCommand(event) {
    function done() {
      try {
        if (event && event.completed) event.completed();
      } catch (e) {
        // nothing more to do
      }
    }
    try {
      var url = pageAddress().replace(/taskpane\.html$/i, 'commands.html') + '?notice=unsupported';
      w.Office.context.ui.displayDialogAsync(url, { height: 50, width: 40, displayInIframe: true }, function (r) {
        if (!r || r.status !== 'succeeded') return done();
        var dialog = r.value;
        dialog.addEventHandler('dialogEventReceived', function () {
          done();
        });
        dialog.addEventHandler('dialogMessageReceived', function () {
          try {
            dialog.close();
          } catch (e) {
            // already closed
          }
          done();
        });
      });
    } catch (e) {
      done();
    }
  }

  w.__jiangxuanOfficeJs = OFFICE_JS;
  if (modern()) {
    if (inOffice && !functionFile && typeof w.Office === 'undefined') {
      // Parser-inserted, so office.js runs before the body and before the (deferred) bundle.
      d.write('<script src="' + OFFICE_JS + '"><\/script>');
    }
    return;
  }

  w.__jiangxuanUnsupported = true;
  if (functionFile) {
    w.validateSheet = unsupportedCommand;
    w.clearMarks = unsupportedCommand;
    if (w.Office) {
      w.Office.initialize = function () {};
    }
  }
  if (d.readyState === 'loading') {
    if (d.addEventListener) d.addEventListener('DOMContentLoaded', showUnsupported);
    else w.attachEvent('onload', showUnsupported);
  } else {
    showUnsupported();
  }
})();
