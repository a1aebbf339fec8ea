import type { NxcloudClientConfig } from '@whatsapp-bsp/emulator';

/**
 * A command a newcomer can paste in another terminal to create a template on the emulator, so that
 * its review result arrives at the listener: a Node one-liner that signs NXCloud's createTemplate
 * as its convention page says (Node is there wherever wabsp runs; curl and md5 tools differ).
 */
export function emulatorCreateHint(nxcloud: NxcloudClientConfig): string {
  const q = JSON.stringify;
  const body = `JSON.stringify({appkey:${q(nxcloud.appKey)},business_phone:${q(nxcloud.businessPhone)},messaging_product:"whatsapp",name:"hello_"+Date.now(),language:"en_US",category:"UTILITY",components:[{type:"BODY",text:"Hello from the emulator"}]})`;
  const script = [
    `const c=require("node:crypto"),b=${body},ts=String(Date.now())`,
    `const sign=c.createHash("md5").update("accessKey="+${q(nxcloud.accessKey)}+"&action=createTemplate&bizType=2&ts="+ts+"&body="+b+"&accessSecret="+${q(nxcloud.accessSecret)}).digest("hex")`,
    `fetch(${q(`${nxcloud.baseUrl}/api/wa/createTemplate`)},{method:"POST",headers:{"content-type":"application/json",accessKey:${q(nxcloud.accessKey)},action:"createTemplate",bizType:"2",ts,sign},body:b}).then(r=>r.text()).then(console.log)`,
  ].join(';');
  return `node -e '${script}'`;
}
