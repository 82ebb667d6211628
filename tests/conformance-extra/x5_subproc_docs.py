# asyncio-subprocess.rst's examples: run() with create_subprocess_shell and PIPEs, run
# alone and several at once with gather (the quick failing command reports first), and
# get_date()'s pattern — create_subprocess_exec of the interpreter itself, readline() from
# stdout, then wait() — with a line that does not depend on the clock.
import asyncio
import sys


async def run(cmd):
    proc = await asyncio.create_subprocess_shell(
        cmd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)

    stdout, stderr = await proc.communicate()

    print(f'[{cmd!r} exited with {proc.returncode}]')
    if stdout:
        print(f'[stdout]\n{stdout.decode()}')
    if stderr:
        print(f'[stderr]\n{stderr.decode()}')


async def get_line():
    code = 'print(6 * 7); print("second line")'

    # Create the subprocess; redirect the standard output
    # into a pipe.
    proc = await asyncio.create_subprocess_exec(
        sys.executable, '-c', code,
        stdout=asyncio.subprocess.PIPE)

    # Read one line of output.
    data = await proc.stdout.readline()
    line = data.decode('ascii').rstrip()

    # Wait for the subprocess exit.
    await proc.wait()
    print('returncode', proc.returncode, 'rest', await proc.stdout.read())
    return line


async def main():
    await run('ls /zzz')
    await asyncio.gather(
        run('ls /zzz'),
        run('sleep 1; echo "hello"'))
    line = await get_line()
    print(f"Line: {line}")


asyncio.run(main())
