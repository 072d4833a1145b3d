console.log('test:e2e: the real-VS-Code suite is not set up yet (see the "Real VS Code" issue).');
