// A node:test reporter that counts leaf tests (suites are not tests) and writes {passed, failed}.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const isSuite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite && !event.data.skip && !event.data.todo) passed++;
    if (event.type === 'test:fail' && !isSuite) failed++;
  }
  yield JSON.stringify({ runner: 'node:test', passed, failed }) + '\n';
}
