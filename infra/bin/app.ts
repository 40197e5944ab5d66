#!/usr/bin/env node
// CDK entry point (`cdk.json` → `node --import tsx bin/app.ts`). Stage: `-c stage=dev|prod`.
import { buildApp } from '../src/app.js';

buildApp().app.synth();
