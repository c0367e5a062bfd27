/** Never download a browser: Diglot uses Debian's chromium (see README). */
module.exports = { skipDownload: true };
