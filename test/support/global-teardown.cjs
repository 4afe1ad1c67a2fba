module.exports = async function globalTeardown() {
  const child = globalThis.__respetaEmbeddedPg;
  if (!child) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(resolve, 5000).unref();
  });
};
