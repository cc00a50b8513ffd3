/*
 * 匠选 boot check for the WPS build of the task pane — inlined first in the <head> of taskpane.html by
 * webpack.wps.config.js (in place of the web build's src/taskpane/boot/compat.js, which tests for the ES2022 the
 * web bundle is compiled to). ES5 only. The WPS bundle is compiled to ES2017, so this tests that syntax and the
 * built-ins the bundle calls; in a WPS whose web view is older it replaces the pane with an explanation instead of
 * leaving 「匠选正在加载…」 on screen. WPS never needs office.js: nothing is loaded here.
 */
(function () {
  var w = window;
  var d = document;

  function modern() {
    try {
      // eslint-disable-next-line no-new-func
      var f = new Function('"use strict"; async function a() { return 1; } const o = { b: 2 }; let { b } = o; class C { get x() { return b; } } return typeof a === "function" && new C().x === 2 && 2 ** 2 === 4;');
      if (f() !== true) return false;
    } catch (e) {
      return false;
    }
    return (
      typeof w.Promise === 'function' &&
      typeof w.Map === 'function' &&
      typeof w.WeakMap === 'function' &&
      typeof w.Symbol === 'function' &&
      typeof Object.fromEntries === 'function' &&
      typeof Array.prototype.flatMap === 'function' &&
      typeof w.TextDecoder === 'function' &&
      typeof w.queueMicrotask === 'function'
    );
  }

  function text(tag, content, style) {
    var el = d.createElement(tag);
    el.appendChild(d.createTextNode(content));
    if (style) el.style.cssText = style;
    return el;
  }

  function showUnsupported() {
    var body = d.body;
    if (!body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var box = d.createElement('div');
    box.setAttribute('data-testid', 'unsupported');
    box.style.cssText = 'padding:16px 18px;font:14px/1.6 "Microsoft YaHei","PingFang SC",sans-serif;color:#242424;background:#fff;';
    box.appendChild(text('h1', '匠选无法在这个版本的 WPS 中运行', 'font-size:17px;margin:0 0 8px;color:#b42318;'));
    box.appendChild(text('p', '这个版本的 WPS 用来显示加载项的网页组件较旧，匠选无法在其中运行。工作簿没有被改动。', 'margin:0 0 10px;'));
    box.appendChild(text('p', '请信息部门把 WPS 升级到 12.1 或更新的版本；或用新版浏览器（Microsoft Edge、Chrome）打开匠选网页版，选择工作簿文件校验（文件只在本机处理）。', 'margin:0 0 10px;'));
    box.appendChild(text('p', 'Jiangxuan cannot run in this WPS: its web view is too old. Ask IT to update WPS to 12.1 or later, or use the Jiangxuan web page in a current browser.', 'margin:10px 0 0;color:#605e5c;font-size:12px;'));
    body.appendChild(box);
  }

  if (modern()) return;
  w.__jiangxuanUnsupported = true;
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', showUnsupported);
  else showUnsupported();
})();
