// Apps not yet built say so plainly instead of pretending (their issues fill them).
const app = process.argv[2];
console.log(`apps/${app}: not built yet — see apps/${app}/README.md for the issue that fills it.`);
